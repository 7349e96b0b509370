"""Option values the shell hands over oddly: a value that starts with '-', a missing value.

argparse reads ``--within -5d`` as the option ``--within`` followed by another option
``-5d``, and said only "argument --within: expected one argument": no value quoted,
no fix. Now the message quotes what was given and names the fix: ``--text=-x`` for a
value that starts with '-', the option's own rule when the value is bad anyway (a
negative ``--within`` looks back, and ``upcoming`` looks ahead), and the option's
form when a value is missing.
"""

from __future__ import annotations

import pytest

from timeline.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


_NEGATIVE = (
    "'-5d' is negative: upcoming looks ahead from --as-of, so give a duration of 0 days or "
    "more (e.g. 90d); for events already past due use `timeline overdue`, for a window in the "
    "past `timeline show --between A B`"
)


class TestAValueStartingWithADash:
    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            # the value is bad in any spelling: the option's own rule, the value quoted
            (["upcoming", "--within", "-5d"], f"argument --within: {_NEGATIVE}"),
            (["upcoming", "--within=-5d"], f"argument --within: {_NEGATIVE}"),
            (["upcoming", "--with", "-5d"], f"argument --within: {_NEGATIVE}"),  # abbreviated
            (
                ["upcoming", "--within", "-3 months"],
                "argument --within: '-3 months' is negative: upcoming looks ahead",
            ),
            (["show", "--as-of", "-5"], "argument --as-of: '-5' is not a date"),
            # a value that would do: written with '=' it is taken
            (
                ["show", "--text", "-x"],
                "argument --text: '-x' starts with '-', so it was read as an option; to give "
                "it as the value write --text=-x",
            ),
            (
                ["export", "--name", "-AI-"],
                "argument --name: '-AI-' starts with '-', so it was read as an option; "
                "to give it as the value write --name=-AI-",
            ),
            (  # the fix as the shell needs it: quoted
                ["show", "--text", "-x's"],
                "to give it as the value write '--text=-x'\"'\"'s'",
            ),
            (
                ["show", "--trend", "-o", "-trend.png"],
                "argument -o/--output: '-trend.png' starts with '-', so it was read as an "
                "option; to give it as the value write --output=-trend.png",
            ),
            # another of the command's options where the value belongs: the value forgotten
            (
                ["show", "--text", "--json"],
                "argument --text: no value before the option '--json'; give --text its value "
                "(--text TEXT), or write --text=--json if '--json' is the value",
            ),
            # two values, one of them taken for an option
            (
                ["show", "--between", "2026", "-x"],
                "argument --between: '-x' is not a date",
            ),
            # nothing after the option at all
            (["show", "--actor"], "argument --actor: needs a value after it: --actor ACTOR"),
            (
                ["show", "--between", "2026"],
                "argument --between: needs 2 values after it: --between A B",
            ),
        ],
    )
    def test_the_message_quotes_the_value_and_names_the_fix(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
    ) -> None:
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (2, "")
        assert "expected one argument" not in err and "expected 2 arguments" not in err
        assert "error: argument " in err and said in err, err
        assert "Traceback" not in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["show", "--text=-x", "--json"],
            ["show", "--kind=-", "--json"],
            ["upcoming", "--within=0d", "--as-of", "2026-03-28", "--json"],
        ],
    )
    def test_the_fix_works(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        code, out, err = _run(capsys, *argv)
        assert code == 0, err
        assert out.startswith("[")

    def test_a_negative_number_alone_is_still_a_value(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # argparse takes '-1' for a number, not an option: the option's own rule says why.
        code, _, err = _run(capsys, "upcoming", "--within", "-1")
        assert code == 2
        assert "argument --within: '-1' is negative: upcoming looks ahead" in err


class TestAnArgumentNotTaken:
    """argparse said "unrecognized arguments: --statsu" and "the following arguments are
    required: FILE" for a file named '-x.yaml': now the token is quoted with the fix."""

    @pytest.mark.parametrize(
        ("argv", "said"),
        [
            # a typo of one of the command's options
            (
                ["show", "--statsu", "happened"],
                "'--statsu' is not an option of `timeline show`; did you mean --status?",
            ),
            (
                ["upcoming", "--witin=30d"],
                "'--witin=30d' is not an option of `timeline upcoming`; did you mean --within?",
            ),
            # nothing like any option
            (
                ["overdue", "--zzzzzz"],
                "'--zzzzzz' is not an option of `timeline overdue`; see `timeline overdue --help`",
            ),
            # a data file whose name starts with '-'
            (
                ["show", "-events.yaml"],
                "'-events.yaml' starts with '-', so it was read as an option; for a file of "
                "that name write ./-events.yaml",
            ),
            (
                ["check", "-x.yaml"],
                "the following arguments are required: FILE; '-x.yaml' starts with '-', so it "
                "was read as an option; for a file of that name write ./-x.yaml",
            ),
            # one value too many
            (
                ["show", "a.yaml", "b.yaml"],
                "'b.yaml' is one value more than `timeline show` takes (FILE); give one "
                "FILE, and quote a value that holds spaces",
            ),
        ],
    )
    def test_the_message_quotes_it_and_names_the_fix(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
    ) -> None:
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (2, "")
        assert said in err, err
        assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["shwo"], "argument COMMAND: 'shwo' is not a command; did you mean 'show'?"),
        (["track_record"], "'track_record' is not a command; did you mean 'track-record'?"),
        (["track-record", "--by", "actors"], "'actors' is not one of actor, kind, tag, "),
        (["track-record", "--by", "actors"], "did you mean 'actor'?"),
        (["zzz"], "'zzz' is not a command; use one of show, track-record, upcoming"),
    ],
)
def test_a_choice_not_offered_names_the_one_meant(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    # argparse said "invalid choice: 'shwo' (choose from 'show', ...)", without the one meant.
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (2, "")
    assert said in err, err
