"""Qt's ICU data library made small for the Linux package (counter.spec calls `trimmed_icu`): 31 MB of every
language's names, legacy converters and dictionaries, of which Counter needs root, Vietnamese and English.

Qt 6's Core links ICU for collation (QCollator, locale-aware sorting), locale case mapping, time-zone names and
non-Unicode converters (`nm -D --undefined-only libQt6Core.so.6`). The data library holds one symbol,
`icudt73_dat`: ICU's common data package. That package is taken out (objcopy), the items Counter never needs are
removed with ICU's own `icupkg` (Debian's icu-devtools), and a library of the same SONAME exporting the smaller
package under the same symbol is assembled (gcc). Kept: everything not tied to one language (properties,
normalisation, the UCA collation root, time-zone and calendar data, converter aliases, break rules) and the
root, vi and en (en_001, en_GB, en_US) items of every tree. Removed: other languages' items, the converter
tables but Vietnamese windows-1258 (Qt converts UTF-8/16/32 and Latin-1 itself), the break dictionaries (CJK,
Thai, Lao, Khmer, Burmese) and transliteration. `counter-cli --self-test` checks the effect (its
`vietnamese-text` line).

    python resources/packaging/icu_trim.py LIBICUDATA OUT_FOLDER   # by hand: prints the sizes"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = frozenset({"root", "vi", "vi_VN", "en", "en_001", "en_GB", "en_US", "en_US_POSIX"})
_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")  # af, de__PHONEBOOK, sr_Latn_BA …; not pool, res_index
_NOT_LOCALES = frozenset({"res_index"})
_DROPPED_TREES = ("translit/",)
_DROPPED_KINDS = (".cnv", ".dict")
_KEPT_CONVERTERS = frozenset({"ibm-5354_P100-1998.cnv", "ibm-1258_P100-1997.cnv"})  # windows-1258, Vietnamese: 7 KB


def dropped(item: str) -> bool:
    """Whether the package item `item` (e.g. `coll/de.res`, `ibm-943_P15A-2003.cnv`) is left out."""
    if item in _KEPT_CONVERTERS:
        return False
    if item.startswith(_DROPPED_TREES) or item.endswith(_DROPPED_KINDS):
        return True
    stem, _, kind = item.rpartition("/")[2].rpartition(".")
    return (kind == "res" and stem not in _NOT_LOCALES and _LOCALE.fullmatch(stem) is not None
            and stem not in KEEP_LOCALES)


def trimmed_icu(binaries: list[tuple[str, str, str]], folder: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries with `libicudata.so.NN` built anew, smaller, in `folder`."""
    kept = []
    for dest, source, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", os.path.basename(dest)):
            small = str(build(Path(source), folder))
            sizes = [os.path.getsize(path) / 2**20 for path in (source, small)]
            print(f"icu_trim: {dest} {sizes[0]:.1f} MB → {sizes[1]:.1f} MB")
            kept.append((dest, small, kind))
        else:
            kept.append((dest, source, kind))
    return kept


def build(library: Path, folder: Path) -> Path:
    """The trimmed library of the same SONAME and data symbol as `library`, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    symbol = _data_symbol(library)
    package = folder / "full" / f"{symbol.removesuffix('_dat')}l.dat"  # icudt73l: the name icupkg expects
    package.parent.mkdir(exist_ok=True)
    _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(package))
    items = _run("icupkg", "--list", str(package)).split()
    removed = [item for item in items if dropped(item)]
    # Two passes: icupkg refuses to remove an item another kept one needs; only the break dictionaries, which
    # brkitr/root.res names for scripts Counter never breaks (nothing calls ICU's break iterators), are let go.
    dictionaries = [item for item in removed if item.endswith(".dict")]
    middle, small = folder / "middle" / package.name, folder / package.name
    middle.parent.mkdir(exist_ok=True)
    for path in (middle, small):
        path.unlink(missing_ok=True)
    (folder / "removed.txt").write_text("\n".join(item for item in removed if item not in dictionaries) + "\n")
    (folder / "dictionaries.txt").write_text("\n".join(dictionaries) + "\n")
    _run("icupkg", "--remove", str(folder / "removed.txt"), str(package), str(middle))
    _run("icupkg", "--ignore-deps", "--remove", str(folder / "dictionaries.txt"), str(middle), str(small))
    source = folder / "icudata.S"
    source.write_text(_assembly(symbol, small))
    target = folder / library.name
    _run("gcc", "-shared", "-nostdlib", "-o", str(target), str(source), f"-Wl,-soname,{library.name}")
    if _data_symbol(target) != symbol:
        raise SystemExit(f"icu_trim: {target} does not export {symbol}")
    return target


def _data_symbol(library: Path) -> str:
    """The one exported data symbol (icudtNN_dat), checked to span the whole .rodata section."""
    symbols = [line.split() for line in _run("nm", "-D", "--defined-only", "-S", str(library)).splitlines()]
    data = [fields for fields in symbols if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3])]
    if len(data) != 1:
        raise SystemExit(f"icu_trim: {library} has no single icudtNN_dat symbol ({symbols})")
    address, size, _, name = data[0]
    section = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)",
                        _run("readelf", "-S", "-W", str(library)))
    if section is None or (int(section[1], 16), int(section[2], 16)) != (int(address, 16), int(size, 16)):
        raise SystemExit(f"icu_trim: {name} in {library} is not the whole .rodata section")
    return name


def _assembly(symbol: str, package: Path) -> str:
    return "\n".join([
        '.section .rodata', '.balign 16', f'.globl {symbol}', f'.type {symbol}, @object', f'{symbol}:',
        f'.incbin "{package}"', f'.size {symbol}, . - {symbol}', '.section .note.GNU-stack,"",@progbits', ''])


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"icu_trim: {' '.join(command)} failed: {done.stderr[-2000:]}")
    return done.stdout


if __name__ == "__main__":
    made = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[1]}: {os.path.getsize(sys.argv[1]) / 2**20:.1f} MB → {made}: "
          f"{made.stat().st_size / 2**20:.1f} MB")
