"""The Chinese edition follows i18n/zh/glossary.yaml: no `avoid` variant of a term anywhere in
i18n/zh/, and a fresh unit whose English uses a glossary term says it with the glossary's word."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import nbformat
import yaml

from trainfer.i18n.data import table_units
from trainfer.i18n.notebooks import notebook_units
from trainfer.i18n.text import flatten
from trainfer.i18n.units import digest
from trainfer.notebooks.meta import read_meta
from trainfer.tables.load import load_all

ROOT = Path(__file__).resolve().parents[2]
VENDOR_CLAIM = "a vendor's claim (宣称), not one of the article's claims (论断)"
# (unit file, key, English term) -> why the glossary's word is not used there, on purpose.
ALLOWED = {
    ("i18n/zh/widget.yaml", "prebuilt_note", "compute"): "the verb (计算), not computing power",
    ("i18n/zh/data/figures.yaml", "rows.huawei-atlas900-2019.note", "claim"): VENDOR_CLAIM,
    ("i18n/zh/data/figures.yaml", "rows.v100-vs-p100-resnet50-training.note", "claim"):
        VENDOR_CLAIM,
    ("i18n/zh/data/claims.yaml", "rows.resnet50-in-28-seconds.finding", "claim"): VENDOR_CLAIM,
    ("i18n/zh/data/figures.yaml", "rows.davinci-cube-fp16-macs.note", "ascend"):
        "the English title of a paper, quoted as it is",
    ("i18n/zh/data/energy_per_op.yaml", "description", "lesson"):
        "'their lesson': what the figures teach (道理), not a training page (课)",
    ("i18n/zh/pages.yaml", "notebooks.report_intro", "source"):
        "the simulator's source code (源代码), not a cited source (来源)",
    ("i18n/zh/notebooks/01-teacher-and-student.yaml", "cell.cell-8", "partly"):
        "'partly learned' (在一定程度上), not the verdict",
    ("i18n/zh/notebooks/02-floating-point.yaml", "cell.cell-0", "compute"):
        "the verb (compute in floating point: 浮点运算), not computing power",
    ("i18n/zh/notebooks/04-resnet50-in-28-seconds.yaml", "cell.cell-4", "training"):
        "'MLPerf Training', the benchmark's name, kept as it is",
    ("i18n/zh/notebooks/06-computing-centres.yaml", "cell.cell-4", "operations"):
        "'INT8 operations' as a rate (INT8运算), not the article's extra operations",
}
# English names that contain a glossary word without meaning it (a research group, a title).
NAMES = ("Epoch AI", "AI and Compute")


def glossary(root: Path) -> list[dict]:
    """Every term of the glossary: the lists of {en, zh, avoid?} under its top-level keys."""
    data = yaml.safe_load((root / "i18n/zh/glossary.yaml").read_text(encoding="utf-8"))
    return [t for section in data.values() if isinstance(section, list) for t in section]


def checked(terms: list[dict]) -> list[dict]:
    """The terms the check enforces: all but those marked `check: false` (guidance for words
    too common to demand, such as the widget's Run, which also means a notebook's run)."""
    return [t for t in terms if t.get("check", True)]


def english_units(root: Path) -> dict[str, dict[str, str]]:
    """{zh unit file, relative to root: {key: its English}} for every translatable unit."""
    out: dict[str, dict[str, str]] = {}
    # the site's own English words, or the defaults trainfer ships
    english = [*(root / "i18n/en").glob("*.*"), *(root / "trainfer/assets/i18n/en").glob("*.*")]
    for path in sorted(english):
        read = json.loads if path.suffix == ".json" else yaml.safe_load
        out[f"i18n/zh/{path.stem}.yaml"] = flatten(read(path.read_text(encoding="utf-8")))
    if (root / "data").is_dir():
        for name, table in load_all(root / "data").items():
            out[f"i18n/zh/data/{name}.yaml"] = table_units(table)
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        meta = read_meta(path.relative_to(root), nb.metadata, root)[0]
        if meta is not None:
            out[f"i18n/zh/notebooks/{path.stem}.yaml"] = notebook_units(meta, nb)
    for page in sorted((root / "docs").rglob("*.md")):
        rel = page.relative_to(root / "docs").as_posix()
        out[f"i18n/zh/docs/{rel}"] = {"page": page.read_text(encoding="utf-8-sig")}
    return out


def zh_units(root: Path):
    """(file, key, Chinese, English or None when the unit is stale or has no source)."""
    english = english_units(root)
    for path in sorted((root / "i18n/zh").rglob("*")):
        rel = path.relative_to(root).as_posix()
        source = english.get(rel, {})
        if path.suffix == ".yaml" and rel != "i18n/zh/glossary.yaml":
            for key, unit in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
                fresh = key in source and unit["from"] == digest(source[key])
                yield rel, key, unit["text"], source[key] if fresh else None
        elif path.suffix == ".md" and rel.startswith("i18n/zh/docs/"):
            text = path.read_text(encoding="utf-8")
            fresh = "page" in source and f"translated_from: {digest(source['page'])}" in text
            yield rel, "page", text, source["page"] if fresh else None


def _plain(english: str) -> str:
    """English as words: no code, paths, URLs, {placeholders} or NAMES; hyphens as spaces."""
    for name in NAMES:
        english = english.replace(name, " ")
    english = re.sub(r"`[^`]*`|\{[^}]*\}|\S*/\S*", " ", english)
    return " ".join(english.replace("-", " ").split()).lower()


def terms_used(english: str, terms: list[dict]) -> set[str]:
    """The glossary terms an English text uses; a match inside a longer term's match is not one
    ('floating-point operations' is 浮点运算, so it does not also ask for 'operations': 操作)."""
    text, spans = _plain(english), []
    for term in terms:
        words = r"\s+".join(re.escape(w) for w in term["en"].lower().replace("-", " ").split())
        spans += [(m.start(), m.end(), term["en"].lower())
                  for m in re.finditer(rf"\b{words}(?:s|es)?\b", text)]
    return {t for s, e, t in spans
            if not any(s2 <= s and e <= e2 and e2 - s2 > e - s for s2, e2, _ in spans)}


@functools.cache
def departures(root: Path) -> list[tuple[str, str, str | None, str]]:
    """Every departure from the glossary: (file, key, English term or None, message)."""
    terms, found = glossary(root), []
    zh_of = {t["en"].lower(): t["zh"] for t in terms}
    for rel, key, text, english in zh_units(root):
        for term in terms:
            found += [(rel, key, None, f"{rel}: {key}: uses {variant!r}; the glossary says "
                       f"{term['zh']!r} for {term['en']!r}")
                      for variant in term.get("avoid", []) if variant in text]
        for en in sorted(terms_used(english, checked(terms))) if english else []:
            if zh_of[en] not in text:
                found.append((rel, key, en, f"{rel}: {key}: the English says {en!r}; the "
                              f"glossary's {zh_of[en]!r} is missing from the Chinese"))
    return found


def test_the_chinese_edition_follows_its_glossary():
    problems = [msg for rel, key, term, msg in departures(ROOT) if (rel, key, term) not in ALLOWED]
    assert not problems, ("departures from i18n/zh/glossary.yaml (fix the text, or add the unit "
                          "to ALLOWED in this test with its reason):\n" + "\n".join(problems))


def test_every_allow_list_entry_is_still_needed():
    found = {(rel, key, term) for rel, key, term, _ in departures(ROOT)}
    assert set(ALLOWED) <= found, f"ALLOWED entries no longer needed: {set(ALLOWED) - found}"


def test_a_departure_is_named_by_file_key_and_term(tmp_path):
    (tmp_path / "i18n/en").mkdir(parents=True)
    (tmp_path / "i18n/zh").mkdir(parents=True)
    (tmp_path / "i18n/zh/glossary.yaml").write_text(
        "article:\n  - {en: training chip, zh: 训练芯片}\n"
        "  - {en: matrix unit, zh: 矩阵加速单元, avoid: [矩阵单元]}\n", encoding="utf-8")
    english = {"a": "Training chips teach.", "b": "A matrix-unit peak.", "c": "Training chips.",
               "d": "Training chips, again."}
    (tmp_path / "i18n/en/words.json").write_text(json.dumps(english), encoding="utf-8")
    units = {"a": "芯片教学。", "b": "矩阵单元的峰值。", "c": "训练芯片。", "d": "芯片。"}
    (tmp_path / "i18n/zh/words.yaml").write_text(yaml.safe_dump(
        {k: {"from": digest(english[k]) if k != "d" else "stale", "text": v}
         for k, v in units.items()}, allow_unicode=True), encoding="utf-8")
    assert [msg for *_, msg in departures(tmp_path)] == [
        "i18n/zh/words.yaml: a: the English says 'training chip'; the glossary's '训练芯片' is "
        "missing from the Chinese",
        "i18n/zh/words.yaml: b: uses '矩阵单元'; the glossary says '矩阵加速单元' for 'matrix unit'",
        "i18n/zh/words.yaml: b: the English says 'matrix unit'; the glossary's '矩阵加速单元' is "
        "missing from the Chinese",
    ]
