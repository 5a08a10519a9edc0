"""The keys of the per-machine settings (QSettings) that more than one screen reads or writes."""

TSA_URL_KEY = "signing/tsa_url"
OCR_KEY = "scanning/ocr"
