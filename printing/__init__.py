"""Official forms and slips as PDF, barcodes and QR codes, sending to printers (issue 4)."""
