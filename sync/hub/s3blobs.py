"""The hub's blobs in object storage over the S3 protocol (boto3), for provinces that run one: finished
blobs as `<prefix>blobs/<sha256>`, an upload under way as one object per piece kept,
`<prefix>uploads/<office>-<sha256>/<offset, 15 digits>`, joined into the blob once the whole hashes right."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from counter_app.errors import NotFound
from sync.hub.blobs import READ_BLOCK, checked

ENDPOINT_ENV = "COUNTER_HUB_S3_ENDPOINT"  # e.g. https://s3.province.gov.vn; credentials: the usual AWS_* variables
PART_BYTES = 8 * 1024 * 1024  # multipart parts when a finished blob is written (S3's minimum is 5 MB)


class S3Blobs:
    """`HubBlobs` in bucket `bucket` under `prefix` (boto3 client; endpoint and keys from the environment)."""

    def __init__(self, bucket: str, prefix: str = "", client: Any = None) -> None:
        import boto3  # noqa: PLC0415 (only a hub that keeps its blobs in object storage needs it)

        self.bucket, self.prefix = bucket, prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.s3 = client or boto3.client("s3", endpoint_url=os.environ.get(ENDPOINT_ENV) or None)

    @classmethod
    def from_url(cls, url: str) -> S3Blobs:
        """`s3://bucket/prefix`."""
        parts = urlsplit(url)
        return cls(parts.netloc, parts.path)

    def _key(self, sha256: str) -> str:
        return f"{self.prefix}blobs/{sha256}"

    def _folder(self, office_code: str, sha256: str) -> str:
        return f"{self.prefix}uploads/{office_code}-{sha256}/"

    def _pieces(self, office_code: str, sha256: str) -> list[tuple[int, int, str]]:
        """(offset, size, key) of the pieces kept, in order."""
        found = []
        for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                       Prefix=self._folder(office_code, sha256)):
            for item in page.get("Contents", []):
                found.append((int(item["Key"].rsplit("/", 1)[1]), int(item["Size"]), item["Key"]))
        return sorted(found)

    def staged(self, office_code: str, sha256: str) -> int:
        held = 0
        for offset, size, _key in self._pieces(office_code, sha256):
            if offset != held:
                break
            held += size
        return held

    def stage(self, office_code: str, sha256: str, offset: int, chunk: bytes) -> None:
        for start, size, key in self._pieces(office_code, sha256):
            if start >= offset:
                self.s3.delete_object(Bucket=self.bucket, Key=key)
            elif start + size > offset:  # a piece that runs past `offset`: cut it there
                head = self.s3.get_object(Bucket=self.bucket, Key=key, Range=f"bytes=0-{offset - start - 1}")
                self.s3.put_object(Bucket=self.bucket, Key=key, Body=head["Body"].read())
        if chunk:
            self.s3.put_object(Bucket=self.bucket, Key=f"{self._folder(office_code, sha256)}{offset:015d}",
                               Body=chunk)

    def discard(self, office_code: str, sha256: str) -> None:
        for _start, _size, key in self._pieces(office_code, sha256):
            self.s3.delete_object(Bucket=self.bucket, Key=key)

    def promote(self, office_code: str, sha256: str) -> bool:
        pieces = self._pieces(office_code, sha256)
        digest = hashlib.sha256()
        for block in self._read_pieces(pieces):
            digest.update(block)
        if digest.hexdigest() != sha256:
            self.discard(office_code, sha256)
            return False
        if not self.exists(sha256):
            self._write(self._key(sha256), self._read_pieces(pieces))
        self.discard(office_code, sha256)
        return True

    def _read_pieces(self, pieces: list[tuple[int, int, str]]) -> Iterator[bytes]:
        for _start, _size, key in pieces:
            yield from self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].iter_chunks(READ_BLOCK)

    def _write(self, key: str, blocks: Iterator[bytes]) -> None:
        """One object from `blocks`: a single PUT when small, else a multipart upload of PART_BYTES parts."""
        buffer = bytearray()
        upload_id, parts = None, list[dict[str, Any]]()
        for block in blocks:
            buffer += block
            if len(buffer) >= PART_BYTES:
                if upload_id is None:
                    upload_id = self.s3.create_multipart_upload(Bucket=self.bucket, Key=key)["UploadId"]
                parts.append(self._part(key, upload_id, len(parts) + 1, bytes(buffer[:PART_BYTES])))
                del buffer[:PART_BYTES]
        if upload_id is None:
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=bytes(buffer))
            return
        if buffer:
            parts.append(self._part(key, upload_id, len(parts) + 1, bytes(buffer)))
        self.s3.complete_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id,
                                          MultipartUpload={"Parts": parts})

    def _part(self, key: str, upload_id: str, number: int, data: bytes) -> dict[str, Any]:
        answer = self.s3.upload_part(Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=data)
        return {"PartNumber": number, "ETag": answer["ETag"]}

    def put_file(self, sha256: str, source: Path) -> None:
        if not self.exists(sha256):
            with source.open("rb") as file:
                self._write(self._key(sha256), iter(lambda: file.read(READ_BLOCK), b""))

    def exists(self, sha256: str) -> bool:
        try:
            self.s3.head_object(Bucket=self.bucket, Key=self._key(sha256))
        except self.s3.exceptions.ClientError as error:
            if str(error.response.get("Error", {}).get("Code")) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def _get(self, sha256: str, **extra: str) -> Any:
        try:
            return self.s3.get_object(Bucket=self.bucket, Key=self._key(sha256), **extra)["Body"]
        except self.s3.exceptions.NoSuchKey as error:
            raise NotFound("blob.missing", digest=sha256) from error

    def chunks(self, sha256: str) -> Iterator[bytes]:
        body = self._get(sha256)
        return iter(body.iter_chunks(READ_BLOCK))

    def read_range(self, sha256: str, start: int, length: int) -> bytes:
        return bytes(self._get(sha256, Range=f"bytes={start}-{start + length - 1}").read())

    def read(self, sha256: str) -> bytes:
        return checked(sha256, self.chunks(sha256))
