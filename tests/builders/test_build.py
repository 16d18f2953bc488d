"""The build as a whole: byte-identical twice, atomic, dated from the sources, shuffled on
request, and driven by ``exambank build``."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from exambank.build import build
from exambank.build_date import source_date
from exambank.builders import Builder, Output, Settings
from exambank.builders.json_export import JsonBuilder
from exambank.builders.pdf import PdfBuilder
from exambank.cli import main
from exambank.errors import UsageError
from exambank.shuffle import option_order, shuffled
from exambank.staging import write
from tests.builders.conftest import RECORD, SEED_ID, run_build
from tests.conftest import QUESTION, section_yaml, write_bank

FILES = [
    f"{SEED_ID}-questions.csv",
    f"{SEED_ID}-student.pdf",
    f"{SEED_ID}-trainer.pdf",
    f"{SEED_ID}.json",
]


def test_two_builds_are_byte_identical_and_report_each_file(seed_dist, tmp_path):
    report = run_build(tmp_path)
    again = tmp_path / SEED_ID
    assert sorted(path.name for path in again.iterdir()) == [RECORD, *FILES]
    for name in [RECORD, *FILES]:
        assert (again / name).read_bytes() == (seed_dist / name).read_bytes(), name
    for name in FILES:
        assert re.search(rf"^wrote \S+/{re.escape(name)} \(\d+(\.\d)? kB\)$", report, re.M), report
    assert re.search(
        r"^Built 4 files \(\d+\.\d kB\) for 1 bank into \S+ in \d+\.\d s\.$", report, re.M
    )


def test_the_build_date_comes_from_source_date_epoch(seed_dist):
    info = PdfReader(seed_dist / f"{SEED_ID}-student.pdf").metadata
    assert info.creation_date == datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert info.modification_date == info.creation_date
    assert source_date(Path("."), {"SOURCE_DATE_EPOCH": "0"}) == datetime(
        1970, 1, 1, tzinfo=timezone.utc
    )
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH is 'yesterday'"):
        source_date(Path("."), {"SOURCE_DATE_EPOCH": "yesterday"})


def test_without_source_date_epoch_the_date_is_the_last_commit_or_none(tmp_path):
    bank = tmp_path / "repo" / "bank"
    bank.mkdir(parents=True)
    assert source_date(bank, {}) is None  # not in a git checkout: no date at all
    (bank / "bank.yaml").write_text("id: x\n", encoding="utf-8")
    stamp, who = "2025-03-04T05:06:07Z", {"NAME": "t", "EMAIL": "t@x"}
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for role in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{role}_{key}": value for key, value in who.items()})
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "bank"]):
        subprocess.run(["git", *command], cwd=tmp_path / "repo", env=env, check=True)
    assert source_date(bank, {}) == datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


class Exploding(Builder):
    name = "exploding"
    description = "fails half way"

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def build(self, bank, settings):
        raise self.error


@pytest.mark.parametrize("error", [RuntimeError("layout failed"), KeyboardInterrupt()])
def test_a_failed_or_interrupted_build_keeps_the_previous_files(make_bank, tmp_path, error):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    list(build([bank], [JsonBuilder()], out))
    previous = (out / "test-bank" / "test-bank.json").read_bytes()
    changed = make_bank({"01-main.yaml": section_yaml(QUESTION.replace("q1", "q9"))})
    with pytest.raises(type(error)):
        list(build([changed], [Exploding(error), JsonBuilder()], out))
    assert (out / "test-bank" / "test-bank.json").read_bytes() == previous
    assert sorted(path.name for path in (out / "test-bank").iterdir()) == [RECORD, "test-bank.json"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_write_that_fails_leaves_neither_half_a_file_nor_a_temporary(
    tmp_path, monkeypatch, failing
):
    folder = tmp_path / "dist"
    write(folder, Output("a.pdf", b"old"))

    def fail(*arguments):
        raise OSError("disk full")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="disk full"):
        write(folder, Output("a.pdf", b"new" * 1000))
    assert (folder / "a.pdf").read_bytes() == b"old"
    assert [path.name for path in folder.iterdir()] == ["a.pdf"]


def test_shuffling_keeps_each_answer_with_its_option(seed_bank):
    mixed = shuffled(seed_bank, "42")
    moved = 0
    for before, after in zip(seed_bank.questions(), mixed.questions(), strict=True):
        old, new = before.question, after.question
        assert list(new.options) == list(old.options)  # still lettered A, B, C ...
        assert sorted(map(str, new.options.values())) == sorted(map(str, old.options.values()))
        right_before = {str(old.options[letter]) for letter in old.answer_letters}
        right_after = {str(new.options[letter]) for letter in new.answer_letters}
        assert right_after == right_before and type(new.answer) is type(old.answer)
        moved += new.options != old.options
    assert moved > 40


@pytest.mark.parametrize("seed", ["1", "2", "42", "trainer-course-2026"])
def test_a_shuffled_key_does_not_give_the_seed_banks_b_away(seed_bank, seed):
    before = Counter(
        letter for ref in seed_bank.questions() for letter in ref.question.answer_letters
    )
    assert before["B"] == 40
    after = Counter(
        letter
        for ref in shuffled(seed_bank, seed).questions()
        for letter in ref.question.answer_letters
    )
    assert max(after.values()) <= 22, after  # about 14 by chance; B was 40


def test_each_questions_order_depends_only_on_the_seed_and_its_id(make_bank):
    one = make_bank({"01-main.yaml": section_yaml(QUESTION)}).sections[0].questions[0]
    other = QUESTION.replace("id: q1", "id: q0")
    two = make_bank({"01-main.yaml": section_yaml(other, QUESTION)}).sections[0].questions[1]
    assert option_order(one, "7") == option_order(two, "7")
    assert len({tuple(option_order(one, str(seed))) for seed in range(30)}) > 5


def test_same_seed_same_pdf_and_the_answer_key_follows(make_bank):
    questions = [QUESTION.replace("id: q1", f"id: q{n}") for n in range(1, 9)]
    bank = make_bank({"01-main.yaml": section_yaml(*questions)})
    first = PdfBuilder().build(shuffled(bank, "7"), Settings(shuffle_seed="7"))
    again = PdfBuilder().build(shuffled(bank, "7"), Settings(shuffle_seed="7"))
    assert [output.data for output in first] == [output.data for output in again]
    key = " ".join(PdfReader(io.BytesIO(first[0].data)).pages[-1].extract_text().split())
    expected = " ".join(
        f"{ref.number} {ref.question.answer_letters[0]}" for ref in shuffled(bank, "7").questions()
    )
    assert expected in key and "options shuffled with seed 7" in key
    assert {ref.question.answer for ref in shuffled(bank, "7").questions()} != {"A"}


def test_json_and_csv_keep_the_source_order_when_shuffling(make_bank, tmp_path):
    bank = make_bank({"01-main.yaml": section_yaml(QUESTION)})
    list(build([bank], [JsonBuilder()], tmp_path / "a"))
    list(build([bank], [JsonBuilder()], tmp_path / "b", Settings(shuffle_seed="7")))
    assert (tmp_path / "a" / "test-bank" / "test-bank.json").read_bytes() == (
        tmp_path / "b" / "test-bank" / "test-bank.json"
    ).read_bytes()


def test_exambank_build_stops_on_a_lint_error_and_writes_nothing(tmp_path, capsys):
    question = QUESTION.replace("stem: Which", "stem: '![x](http://example.com/x.png)' # Which")
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "error external-resource image 'http://example.com/x.png'" in captured.out
    assert "nothing built" in captured.err
    assert not out.exists()


def test_exambank_build_names_each_image_that_prints_with_no_description(tmp_path, capsys):
    # image-alt is a warning, which the build counts; an image a reader who cannot see it
    # gets nothing of is said in full, as lint says it, so it can be found and described
    question = QUESTION.replace("stem: Which", "stem: '![](pic.png) Which").replace(
        "models?", "models? ![A red square](pic.png)'"
    )
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    Image.new("RGB", (4, 4), "red").save(bank / "pic.png")
    assert main(["build", str(bank), "--only", "pdf", "--out", str(tmp_path / "dist")]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = f"{bank / '01-main.yaml'}:5:12: warning image-alt image 'pic.png' has no description"
    assert [line for line in lines if "image-alt" in line] == [f"{said} (alt text)"], lines


def test_exambank_build_only_some_formats(tmp_path, capsys):
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--only", "json,csv", "--out", str(out)]) == 0
    assert sorted(path.name for path in (out / "test-bank").iterdir()) == [
        RECORD,
        "test-bank-questions.csv",
        "test-bank.json",
    ]
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in lines if line.startswith("wrote")] == [
        f"wrote {out / 'test-bank' / 'test-bank.json'}",
        f"wrote {out / 'test-bank' / 'test-bank-questions.csv'}",
    ]
    assert lines[-1].startswith("Built 2 files")


def test_an_option_with_a_number_sign_beside_a_range_builds_every_format(tmp_path, capsys):
    """The range reader once took a '#' of the text for a number: "C# - 5" read as a range
    of two numbers with one to hand, and the build stopped with an internal error."""
    options = "{A: 'C# - 5', B: 'C# - 7', C: 'C# - 9'}"
    question = f"id: q1\nstem: Which key?\noptions: {options}\nanswer: C\nexplanation: Because.\n"
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--shuffle", "1", "--out", str(out)]) == 0
    assert "internal error" not in capsys.readouterr().err
    [row] = csv.DictReader(
        io.StringIO((out / "test-bank" / "test-bank-questions.csv").read_text("utf-8-sig"))
    )
    assert row["shuffle"] == "true"  # names, not a scale: they may move


@pytest.mark.parametrize(
    ("only", "message"),
    [
        ("xls", "unknown format 'xls'; choose from pdf, json, csv"),
        ("pdf,docx", "unknown format 'docx'; choose from pdf, json, csv"),
        (",", "name at least one format"),
    ],
)
def test_exambank_build_refuses_an_unknown_format(tmp_path, capsys, only, message):
    with pytest.raises(SystemExit) as stopped:
        main(["build", str(tmp_path), "--only", only])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "explanation"),
    [
        ("{A: Amazon S3, B: Amazon EC2, C: Both A and B, D: AWS Lambda}", "Both store data."),
        ("{A: Amazon S3, B: Amazon EC2, C: AWS Lambda, D: None of the above}", "S3 fits."),
        ("{A: '1', B: '2', C: '3', D: '6'}", "Three is right."),
        (
            "{A: Amazon S3, B: Amazon EC2, C: AWS Lambda, D: Amazon RDS}",
            "Unlike option B, S3 fits.",
        ),
    ],
)
def test_questions_that_read_wrong_when_moved_keep_their_order(make_bank, options, explanation):
    question = (
        f"id: q1\nstem: Which one?\noptions: {options}\nanswer: C\nexplanation: {explanation}\n"
    )
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    for seed in map(str, range(20)):
        [ref] = shuffled(bank, seed).questions()
        assert ref.question.options == next(bank.questions()).question.options


@pytest.mark.parametrize(
    ("options", "explanation"),
    [
        ("{A: Berlin, B: Paris, C: Rom, D: Alle oben genannten}", "Alle drei."),
        ("{A: Lyon, B: Nice, C: Aucune des réponses ci-dessus}", "Aucune."),
        ("{A: Lima, B: Quito, C: Todas las anteriores}", "Todas."),
        ("{A: Pskov, B: Omsk, C: \u0412\u0441\u0435 \u0432\u044b\u0448\u0435\u043f"
         "\u0435\u0440\u0435\u0447\u0438\u0441\u043b\u0435\u043d\u043d\u044b\u0435}",
         "Vse."),
        ("{A: Berlin, B: Paris, C: Rom}", "Antwort B ist falsch."),
        ("{A: Lyon, B: Nice, C: Metz}", "La réponse A est fausse."),
        ("{A: Berlin, B: Paris, C: Rom}", "Antworten B und C sind falsch."),  # plural
        ("{A: Lima, B: Quito, C: Cali}", "Las opciones A y C no."),
        # "Variant A", with a Cyrillic A
        ("{A: Pskov, B: Omsk, C: Tomsk}", "\u0412\u0430\u0440\u0438\u0430\u043d\u0442 \u0410."),
        ("{A: Pskov, B: Omsk, C: '\u0410 \u0438 \u0411'}", "Vse."),  # "A and B" typed in Cyrillic
        ("{A: Berlin, B: Paris, C: Keine der genannten}", "Keine."),
        ("{A: Lyon, B: Nice, C: Toutes les réponses}", "Toutes."),
        ("{A: S3, B: EC2, C: Lambda}", "Answer B is wrong."),  # at the start of a sentence
        ("{A: Lisboa, B: Porto, C: Todas as anteriores}", "Todas."),
        ("{A: Lisboa, B: Porto, C: Nenhuma das anteriores}", "Nenhuma."),
        ("{A: Lisboa, B: Porto, C: Todas as alternativas acima}", "Todas."),
        ("{A: Lisboa, B: Porto, C: Todas as citadas acima}", "Todas."),
        ("{A: Lisboa, B: Porto, C: Todas as supracitadas}", "Todas."),
        ("{A: Lisboa, B: Porto, C: Nenhuma das alternativas}", "Nenhuma."),
        ("{A: Lisboa, B: Porto, C: A e B}", "As duas."),
        ("{A: Lisboa, B: Porto, C: Ambas}", "As duas."),
        ("{A: Lisboa, B: Porto, C: Braga}", "A alternativa B está errada."),
        ("{A: Lisboa, B: Porto, C: Braga}", "Não é a opção A."),
        ("{A: Lisboa, B: Porto, C: Braga}", "As respostas A e B estão erradas."),
        # a German newcomer's handout (review of stop 16)
        ("{A: Erden, B: Messen, C: Abdecken, D: Nur A und C}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Abdecken, D: A und C sind richtig}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Abdecken, D: Sowohl A als auch B}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Abdecken, D: Alle Antworten sind richtig}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Abdecken, D: Keine davon}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Keine}", "Regel 4."),
        ("{A: Erden, B: Messen, C: Beide}", "Regel 4."),
        ("{A: Lyon, B: Nice, C: Aucune}", "Aucune."),
        ("{A: S3, B: EC2, C: Either A or B}", "Either."),
    ],
)  # fmt: skip
def test_options_that_refer_to_others_in_other_languages_keep_their_order(
    make_bank, options, explanation
):
    question = f"id: q1\nstem: Welche?\noptions: {options}\nanswer: C\nexplanation: {explanation}\n"
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    for seed in map(str, range(20)):
        [ref] = shuffled(bank, seed).questions()
        assert ref.question.options == next(bank.questions()).question.options


def shuffles(make_bank, options: str, explanation: str, language: str = "en") -> bool:
    """Whether any of 20 seeds moves an option of a question with these options and note."""
    question = f"id: q1\nstem: Which?\noptions: {options}\nanswer: C\nexplanation: {explanation}\n"
    manifest = f"id: test-bank\ntitle: Test\nlanguage: {language}\nsections: [main]\n"
    bank = make_bank({"01-main.yaml": section_yaml(question)}, manifest)
    written = next(bank.questions()).question.options
    return any(
        next(shuffled(bank, str(seed)).questions()).question.options != written
        for seed in range(20)
    )


SERVICES = "{A: Amazon S3, B: Amazon EC2, C: AWS Lambda, D: Amazon RDS}"


@pytest.mark.parametrize(
    "explanation",
    [
        "'Answer: B.'",
        "The answer is B.",
        "The correct answer is C, the Pacific.",
        "Correct answer - D",
        "B is correct.",
        "(B) is correct.",
        "D is correct; A is what they release.",
        "C is the right one.",
        "'A is wrong: it stores objects.'",
        "'Правильный ответ: B'",
        "Die richtige Antwort ist B.",
        "La bonne réponse est C.",
        "B ist falsch.",
        "B é correta; A e C guardam dados.",  # Portuguese and Italian, the letter first
        "'A está incorreta: guarda objetos.'",
        "A e C estão erradas.",
        "B e D são incorretos.",
        "B é a certa.",
        "C é verdadeira.",
        "B è corretta.",
        "A e C sono sbagliate.",
        "D è errata.",
        "A è scorretta.",
        "B e C sono giuste.",
        "B es la correcta.",
        "'Lösung: B.'",
        "Die Lösung ist C.",
        "Richtig ist B, denn Erden ist Regel 4.",
        "Richtig sind A und C.",
        "C trifft zu.",
        "'Correct: B'",
        "'Solution: D'",
    ],
)
def test_a_note_that_names_a_letter_in_everyday_words_keeps_the_order(make_bank, explanation):
    assert not shuffles(make_bank, SERVICES, explanation)


@pytest.mark.parametrize(
    "explanation",
    [
        "A managed service answers most needs.",
        "Amazon S3 is correct for objects.",
        "Answer every question before time runs out.",
        "The options are all AWS services; a good answer names one.",
        "A correct design stores objects in S3.",
        "'A Amazon S3 é a escolha certa: guarda objetos.'",
        "O serviço certo está na AWS; a resposta correta guarda objetos.",
        "Amazon S3 è corretto per gli oggetti.",
        "La risposta giusta è quella che salva oggetti.",
        "Richtig ist, dass S3 Objekte speichert.",
        "'Die Lösung ist einfach: S3 speichert Objekte.'",
        "Correct answers name a storage service.",
    ],
)
def test_a_note_that_names_no_letter_lets_the_options_move(make_bank, explanation):
    assert shuffles(make_bank, SERVICES, explanation)


def test_a_scale_is_read_in_the_banks_language(make_bank):
    scale = "{A: unter 1 GB, B: 1 bis 5 GB, C: 5 bis 10 GB, D: mehr als 10 GB}"
    assert not shuffles(make_bank, scale, "Siehe oben.", language="de")
    assert shuffles(make_bank, scale, "Siehe oben.")  # in English, words around numbers


def test_a_question_marked_shuffle_false_keeps_its_order(make_bank):
    """Options that refer to one another in words the build cannot read (a bank in
    another language) are kept in place by the author's ``shuffle: false``."""
    question = QUESTION.replace("answer: A", "answer: C\nshuffle: false")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    written = next(bank.questions()).question.options
    for seed in map(str, range(20)):
        [ref] = shuffled(bank, seed).questions()
        assert ref.question.options == written


def test_ordinary_questions_are_still_shuffled(make_bank):
    question = QUESTION.replace("answer: A", "answer: C")
    bank = make_bank({"01-main.yaml": section_yaml(question)})
    orders = {
        tuple(map(str, next(shuffled(bank, str(seed)).questions()).question.options.values()))
        for seed in range(20)
    }
    assert len(orders) > 5


@pytest.mark.parametrize(
    "epoch",
    [
        "\u00b2", "\uff11\uff12", "\u0661\u0662",  # superscript, full-width, Arabic-Indic
        "99999999999999999", "253402300800", "9" * 5000,  # past 9999, past int()'s 4300 digits
        "-1", " 17", "17 ", "17\n",  # surrounding spaces: digits alone, as the message says
    ],
)  # fmt: skip
def test_source_date_epoch_is_ascii_digits_up_to_the_end_of_9999(
    tmp_path, capsys, monkeypatch, epoch
):
    assert source_date(Path("."), {"SOURCE_DATE_EPOCH": "253402300799"}) == datetime(
        9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc
    )
    assert source_date(Path("."), {"SOURCE_DATE_EPOCH": "00012"}) == datetime(
        1970, 1, 1, 0, 0, 12, tzinfo=timezone.utc
    )
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert main(["build", str(bank), "--only", "pdf", "--out", str(tmp_path / "d")]) == 2
    assert capsys.readouterr().err == (
        f"exambank: error: SOURCE_DATE_EPOCH is {epoch!r}; it must be a count of seconds since "
        "1970 in digits 0-9, at most 253402300799 (the end of 9999), as 'date +%s' prints it\n"
    )


def test_a_commit_dated_after_9999_gives_no_date(tmp_path):
    env = {**os.environ, "GIT_COMMITTER_DATE": "@99999999999999999 +0000"}
    for role in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{role}_NAME": "t", f"GIT_{role}_EMAIL": "t@x"})
    (tmp_path / "bank.yaml").write_text("id: x\n", encoding="utf-8")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "bank"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    assert source_date(tmp_path, {}) is None


def test_exambank_build_names_text_that_prints_other_than_it_was_typed(tmp_path, capsys):
    # A ' #' in unquoted text cuts the stem: a trainer who only builds must see it, not a
    # count of warnings, or the handout goes out with "Which RFC" for a question.
    question = QUESTION.replace("stem: Which", "stem: Which RFC #1918 block holds")
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    assert main(["build", str(bank), "--only", "json", "--out", str(tmp_path / "dist")]) == 0
    lines = capsys.readouterr().out.splitlines()
    [said] = [line for line in lines if "comment-in-text" in line]
    assert said.startswith(f"{bank / '01-main.yaml'}:5:21: warning comment-in-text the text stops")


def test_exambank_build_takes_the_paper_size_as_people_write_it(tmp_path, capsys):
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--only", "pdf", "--paper", "Letter", "--out", str(out)]) == 0
    box = PdfReader(out / "test-bank" / "test-bank-student.pdf").pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (
            ["--only", "json", "--csv-text", "plain", "--csv-guard", "off"],
            "--csv-text and --csv-guard have no effect: --only json builds no CSV; add csv to "
            "--only, or leave them out",
        ),
        (
            ["--only", "json,csv", "--paper", "letter"],
            "--paper has no effect: --only json,csv builds no PDF; add pdf to --only, or leave "
            "it out",
        ),
        (
            ["--only", "csv", "--large-print-size", "18", "--shuffle", "B", "--no-answer-sheet"],
            "--large-print-size, --shuffle and --no-answer-sheet have no effect: --only csv "
            "builds no PDF; add pdf to --only, or leave them out",
        ),
    ],
)
def test_an_option_for_a_format_not_built_is_a_usage_error(tmp_path, capsys, arguments, said):
    """Whoever typed --csv-text plain meant to build the CSV: silence would hand them a
    folder without it, or a JSON they take for what they asked for."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    out = tmp_path / "dist"
    assert main(["build", str(bank), "--out", str(out), *arguments]) == 2
    assert capsys.readouterr().err == f"exambank: error: {said}\n"
    assert not out.exists()


def test_the_project_s_settings_for_a_format_not_built_are_no_error(tmp_path, capsys):
    """[tool.exambank] holds settings for every build, not a request for one format."""
    bank = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION)})
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.exambank]\npaper = "letter"\nanswer-sheet = true\n', "utf-8")
    out = ["--out", str(tmp_path / "dist"), "--config", str(config)]
    assert main(["build", str(bank), "--only", "json", "--csv-text", "plain", *out]) == 2
    assert capsys.readouterr().err == (  # of the paper and the sheet, not a word
        "exambank: error: --csv-text has no effect: --only json builds no CSV; add csv to "
        "--only, or leave it out\n"
    )
    assert main(["build", str(bank), "--only", "json,csv", "--csv-guard", "on", *out]) == 0


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (a temporary one too), by its path there."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


_UNTRUE_KEYS = {
    "a letter that names no option": (
        "answer: Z\nlint: {ignore: [answer-not-in-options], reason: later}",
        "answer Z names no option (options are A, B, C, D), and the build prints no untrue key, "
        "even where answer-not-in-options is switched off: point the answer at an existing "
        "option letter",
    ),
    "two answers to a single-answer question": (
        "answer: [B, C]\nlint: {ignore: [answer-count], reason: later}",
        "a single-answer question has 2 answers, and the build prints no untrue key, even "
        "where answer-count is switched off: keep one letter, or set 'type: multiple'",
    ),
    "a letter listed twice": (
        "type: multiple\nanswer: [A, A]\nlint: {ignore: [answer-count], reason: later}",
        "an answer letter is listed twice, and the build prints no untrue key, even where "
        "answer-count is switched off: list each letter once",
    ),
}


@pytest.mark.parametrize("case", sorted(_UNTRUE_KEYS))
def test_a_key_that_would_print_untrue_is_refused_though_its_rule_is_switched_off(
    tmp_path, monkeypatch, capsys, case
):
    """Review s33 #1: lint let it pass, and the build printed "6 Z" in the key, "B, C"
    for a single-answer question, "A, A"."""
    answer, said = _UNTRUE_KEYS[case]
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", "bank", "--only", "json,csv"]) == 0
    before = _files(Path("dist"))
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION.replace("answer: A", answer))})
    assert main(["lint", "bank"]) == 0
    capsys.readouterr()
    assert main(["build", "bank", "--only", "json,csv"]) == 2
    where = "bank/01-main.yaml:12:13" if answer.startswith("type") else "bank/01-main.yaml:11:13"
    assert capsys.readouterr().err == f"exambank: error: {where}: question q1: {said}\n"
    assert _files(Path("dist")) == before


def test_a_key_naming_no_option_is_refused_where_the_project_switches_every_rule_off(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.exambank]\nignore = ["ALL"]\n', encoding="utf-8")
    question = QUESTION.replace("answer: A", "answer: Z")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(question)})
    assert main(["lint", "bank"]) == 0
    assert main(["build", "bank", "--only", "json"]) == 2
    error = capsys.readouterr().err
    assert "bank/01-main.yaml:11:13: question q1: answer Z names no option" in error
    assert not Path("dist").exists()


@pytest.fixture
def fake_pdfs(monkeypatch):
    """Layout at once: each PDF is the digest of its HTML, so a changed bank changes it.
    ``stop_at[0]``: the layout (1, 2 ...) at which ``stop`` is called, if set."""
    from exambank.builders import render as render_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    layouts = []
    stop_at: list[int] = []
    stop: list = []

    def render_pdf(html, root, settings, pages=None, footer=None):
        layouts.append(html)
        if stop_at and len(layouts) == stop_at[0]:
            stop[0]()
        return b"%PDF-fake " + hashlib.sha256(html.encode()).hexdigest().encode(), ()

    monkeypatch.setattr(render_module, "render_pdf", render_pdf)
    return stop_at, stop


def _ctrl_c():
    raise KeyboardInterrupt


def _sigterm():
    os.kill(os.getpid(), signal.SIGTERM)  # as a CI job cancelled, or `timeout`, sends it


@pytest.mark.parametrize(
    ("stop", "status", "said"), [(_ctrl_c, 130, "interrupted"), (_sigterm, 143, "terminated")]
)
def test_a_build_stopped_between_two_editions_leaves_the_previous_build_whole(
    tmp_path, monkeypatch, capsys, fake_pdfs, stop, status, said
):
    """Review s33 #2: stopped while the trainer edition was laid out, the build left its
    new student edition, JSON and CSV beside the previous build's trainer edition."""
    stop_at, stopping = fake_pdfs
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", "bank"]) == 0
    before = _files(Path("dist"))
    assert len(before) == 5  # four files and the record of them
    changed = QUESTION.replace("the whole ML", "the entire ML")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(changed)})
    stop_at.append(4)  # the trainer edition's layout (the previous build made 2)
    stopping.append(stop)
    capsys.readouterr()
    assert main(["build", "bank"]) == status
    shown = capsys.readouterr()
    assert "wrote" not in shown.out
    assert shown.err == (
        f"exambank: {said}: nothing of this build was written: dist is as the previous "
        "build left it\n"
    )
    assert _files(Path("dist")) == before  # byte for byte, and no temporary file


def test_a_build_stopped_on_its_first_new_file_puts_every_file_in_place(
    tmp_path, monkeypatch, capsys, fake_pdfs
):
    """The files land together: a stop that comes as they are renamed into place waits
    until all are, so that the folder never holds two builds' editions."""
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", "bank", "--out", "old"]) == 0
    changed = QUESTION.replace("the whole ML", "the entire ML")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(changed)})
    assert main(["build", "bank", "--out", "new"]) == 0
    shutil.copytree("old", "dist")
    replace = os.replace

    def replace_then_stop(source, target):
        replace(source, target)
        if replace is not os.replace:  # the first file only
            monkeypatch.setattr(os, "replace", replace)
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "replace", replace_then_stop)
    capsys.readouterr()
    assert main(["build", "bank"]) == 143
    shown = capsys.readouterr()
    assert shown.out.count("\nwrote ") == 4
    assert shown.err == "exambank: terminated\n"
    assert _files(Path("dist")) == _files(Path("new"))


def test_exambank_build_counts_the_warnings_lint_lists_and_those_the_baseline_hides(
    tmp_path, monkeypatch, capsys
):
    """Review s33 #3: the build counted the warnings a baseline hides as lint lists them."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        '[tool.exambank]\nbaseline = "baseline.json"\n', encoding="utf-8"
    )
    known = QUESTION.replace("D: Amazon Bedrock", "D: All of the above")  # a warning
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(known)})
    assert main(["lint", "bank", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    assert main(["build", "bank", "--only", "json"]) == 0
    said = "lint: 0 warnings, no errors (1 hidden by the baseline baseline.json)"
    assert capsys.readouterr().out.splitlines()[0] == said
    new = known.replace("id: q1", "id: q2").replace("trains,", "hosts, trains,")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(known, new)})
    assert main(["build", "bank", "--only", "json"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "lint: 1 warning, no errors ('exambank lint' lists them; 1 more hidden by the "
        "baseline baseline.json)"
    )
    assert main(["lint", "bank"]) == 0
    assert "0 errors, 1 warning." in capsys.readouterr().out


def test_a_mistake_in_the_configuration_says_nothing_was_built(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[tool.exambank]\nignore = ["answer-cont"]\n', "utf-8")
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    assert main(["build", "bank", "--only", "json"]) == 2
    assert capsys.readouterr().err.endswith(
        "exambank: error: 1 problem in [tool.exambank] of pyproject.toml; nothing was built\n"
    )
    assert not Path("dist").exists()


@pytest.mark.parametrize(
    ("kept", "said"),
    [
        (2, "--shuffle 7 left every one of the bank's 2 questions in their source order"),
        (1, "--shuffle 7 left 1 of the bank's 2 questions in their source order"),
        (0, None),
    ],
)
def test_a_shuffle_that_leaves_most_questions_in_order_says_so(
    tmp_path, monkeypatch, capsys, fake_pdfs, kept, said
):
    """Review s34 (print) #10: options that name letters keep their order, and a bank of
    them printed "Shuffle 7" on editions no different from the source's, without a word."""
    monkeypatch.chdir(tmp_path)
    questions = [
        QUESTION.replace("id: q1", f"id: q{n}").replace(
            "answer: A", "answer: A\nshuffle: false" if n <= kept else "answer: A"
        )
        for n in (1, 2)
    ]
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(*questions)})
    assert main(["build", "bank", "--only", "pdf", "--shuffle", "7"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if "--shuffle 7" in line]
    if said is None:
        assert notes == []
    else:
        assert notes == [
            f"    note: {said}: their options name letters or one another, are a numeric "
            "scale, or say 'shuffle: false' (the JSON's shuffle says which; reword the options "
            "to shuffle them)"
        ]  # once, under the student edition, not again under the trainer's


def test_each_build_option_sets_a_setting_a_format_reads():
    """The refusal above asks each format which settings it reads: a field named there
    that Settings lacks, or an option no format reads, would refuse the wrong flags."""
    from dataclasses import fields

    from exambank.builders import BUILDERS
    from exambank.cli import build as build_command

    known = {field.name for field in fields(Settings)}
    read = {field for builder in BUILDERS.values() for field in builder.settings}
    assert read <= known
    options = build_command._SETTING_OPTIONS
    assert {build_command._FIELD_OF.get(option, option) for option in options} == read
