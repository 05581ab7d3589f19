"""Readers: exact offsets, encodings, Markdown prose only, standard input."""

import pytest

from plainlang.document.load import decode, load
from plainlang.errors import InputError

LETTER = "Уважаемый Иван Петрович!\n\nВ целях проверки просим прислать справку.\nСрок — до 1 марта.\n"


def test_plain_blocks_and_positions(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(LETTER, encoding="utf-8")
    doc = load(str(p))
    assert doc.text == LETTER
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "Уважаемый Иван Петрович!", "В целях проверки просим прислать справку.", "Срок — до 1 марта."]
    at = doc.text.index("целях")
    assert doc.position(at) == (3, 3)


def test_hard_wrapped_lines_stay_one_paragraph(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Министерство рассмотрело Ваше письмо о ремонте дороги на улице\n"
                 "Садовой и сообщает, что работы начнутся в мае.\n", encoding="utf-8")
    assert len(load(str(p)).blocks) == 1


def test_bom_crlf_and_cp1251(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffПривет.\r\nВторая строка.".encode("utf-8"))
    doc = load(str(p))
    assert doc.text == "Привет.\nВторая строка."
    q = tmp_path / "win.txt"
    q.write_bytes(LETTER.encode("cp1251"))
    assert load(str(q)).text == LETTER


@pytest.mark.parametrize("raw,message", [
    (b"\x00\x01\x02binary\x00", "не текстовый"),
    ("Привет".encode("utf-16"), "UTF-16"),
    ("Добрый день, мы получили ваше письмо и скоро ответим.".encode("koi8-r"), "кодировк"),
    (b"", "пуст"),
    (b"   \n\n ", "пуст"),
])
def test_bad_text_inputs(tmp_path, raw, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(raw)
    with pytest.raises(InputError, match=message):
        load(str(p))


def test_markdown_checks_prose_only(tmp_path):
    src = ("# В целях информирования\n\n"
           "Текст **в рамках** программы, `в целях кода` и [ссылка](http://x.ru/a#b).\n\n"
           "```\nв целях код\n```\n\n"
           "- пункт *один*\n\n<div>в целях html</div>\n")
    p = tmp_path / "a.md"
    p.write_text(src, encoding="utf-8")
    doc = load(str(p))
    prose = " ".join(b.prose for b in doc.blocks)
    assert "в рамках" in prose and "В целях информирования" in prose
    assert "в целях кода" not in prose and "http" not in prose and "**" not in prose
    assert "в целях код\n" not in prose and "html" not in prose
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "heading" and "list-item" in kinds
    for b in doc.blocks:  # offsets point into the file text itself
        assert len(b.prose) == b.end - b.start


def test_urls_and_emails_are_masked(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Пишите на info@mfc.ru или смотрите https://gosuslugi.ru/600#faq сайт.", encoding="utf-8")
    prose = load(str(p)).blocks[0].prose
    assert "@" not in prose and "#" not in prose and "сайт" in prose


def test_decode_rejects_zip():
    with pytest.raises(InputError, match="docx"):
        decode(b"PK\x03\x04....")


def test_markdown_inline_suppression(tmp_path):
    from plainlang.config import Settings
    from plainlang.engine import check_path
    src = ("В целях проверки пишем.\n\n"
           "<!-- plainlang: ignore K102 -->\n"
           "В целях проверки пишем снова.\n\n"
           "<!-- plainlang: ignore -->\n"
           "В целях проверки пишем опять.\n")
    p = tmp_path / "a.md"
    p.write_text(src, encoding="utf-8")
    found = [f.line for f in check_path(str(p), Settings(select=["K102"])).findings]
    assert found == [1, 7]  # the directive without codes silences nothing
    p.write_text("<!-- plainlang: ignore-file bureaucratese -->\n\n" + src, encoding="utf-8")
    assert check_path(str(p), Settings(select=["K102"])).findings == []


def test_markdown_suppression_covers_a_whole_table_or_list(tmp_path):
    from plainlang.config import Settings
    from plainlang.engine import check_path
    src = ("<!-- plainlang: ignore K102 -->\n"
           "| было | стало |\n|---|---|\n| в целях проверки | чтобы проверить |\n| в рамках программы | по программе |\n\n"
           "<!-- plainlang: ignore K102 -->\n"
           "- в целях проверки\n- в рамках программы\n\n"
           "В целях проверки пишем.\n")
    p = tmp_path / "a.md"
    p.write_text(src, encoding="utf-8")
    assert [f.line for f in check_path(str(p), Settings(select=["K102"])).findings] == [11]


def test_markdown_text_after_a_link_stays_in_place(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("Подробнее — по [ссылке](https://example.org). В целях проверки пишем.\n", encoding="utf-8")
    doc = load(str(p))
    block = doc.blocks[0]
    assert doc.text[block.start:block.end].endswith("пишем.")
    assert "example" not in block.prose and "В целях проверки" in block.prose


def test_markdown_code_span_keeps_words_apart(tmp_path):
    from plainlang.config import Settings
    from plainlang.engine import check_path
    p = tmp_path / "a.md"
    p.write_text("Файлы .txt и `.docx` и другие.\n", encoding="utf-8")
    assert check_path(str(p), Settings(select=["G102"])).findings == []
