"""Data files that forgive the usual mistakes (issue 12 §4, all but CSV).

Error advice that fits the mistake, one actor given as text, and writes into a missing
folder refused with our error naming the folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import DataFileError, Event, EventError, Timeline, TimelineError


def _problems(path: Path) -> list[str]:
    with pytest.raises(DataFileError) as info:
        Timeline.load(path)
    return [str(p) for p in info.value.problems]


class TestYamlAdvice:
    def test_one_space_too_many_before_a_key_is_indentation(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text('events:\n  - title: A\n     when: "2026"\n')
        (problem,) = _problems(path)
        assert ":3:" in problem
        assert "indent" in problem and "'when'" in problem
        assert "quotes" not in problem  # issue 12: it said to quote text holding ': '

    def test_one_space_too_many_further_down(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text('events:\n  - title: A\n    when: "2026"\n     status: expected\n')
        (problem,) = _problems(path)
        assert ":4:" in problem and "indent" in problem and "'status'" in problem

    def test_text_holding_colon_space_still_says_quote(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("events:\n  - title: Sora: the end\n    when: 2026\n")
        (problem,) = _problems(path)
        assert "quotes" in problem

    def test_empty_title_says_it_is_required(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text('events:\n  - title: ""\n    when: "2026"\n')
        (problem,) = _problems(path)
        assert "required" in problem and "title" in problem
        assert "leave the field out" not in problem  # which then fails as missing

    def test_empty_optional_text_still_says_leave_it_out(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text('events:\n  - title: A\n    when: "2026"\n    location: ""\n')
        (problem,) = _problems(path)
        assert "leave the field out" in problem


class TestActors:
    @pytest.mark.parametrize("suffix", [".yaml", ".json"])
    def test_one_actor_as_text_in_a_file(self, tmp_path: Path, suffix: str) -> None:
        path = tmp_path / f"t{suffix}"
        if suffix == ".yaml":
            path.write_text('events:\n  - title: A\n    when: "2026"\n    actors: Tesla\n')
        else:
            path.write_text('{"events": [{"title": "A", "when": "2026", "actors": "Tesla"}]}')
        assert Timeline.load(path)["a"].actors == ("Tesla",)

    def test_one_actor_as_text_in_python(self) -> None:
        assert Event(title="A", when="2026", actors="Tesla").actors == ("Tesla",)

    def test_a_list_written_as_text_is_refused_with_the_fix(self) -> None:
        with pytest.raises(EventError, match=r"\['Tesla', 'Elon Musk'\]"):
            Event(title="A", when="2026", actors="Tesla, Elon Musk")

    def test_a_list_written_as_text_in_a_file_is_a_problem(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text('events:\n  - title: A\n    when: "2026"\n    actors: Tesla, Elon Musk\n')
        (problem,) = _problems(path)
        assert ":4:" in problem and "[Tesla, Elon Musk]" in problem

    def test_tags_alike(self) -> None:
        assert Event(title="A", when="2026", tags="ev").tags == ("ev",)
        with pytest.raises(EventError, match="list"):
            Event(title="A", when="2026", tags="ev, cars")


class TestMissingFolder:
    @pytest.mark.parametrize(
        "write",
        [
            lambda tl, p: tl.save(p / "t.yaml"),
            lambda tl, p: tl.save(p / "t.json"),
            lambda tl, p: tl.save(p / "t.parquet"),
            lambda tl, p: tl.write_ics(p / "t.ics", name="Feed"),
            lambda tl, p: tl.save_plot(p / "t.svg"),
            lambda tl, p: tl.to_html(p / "t.html"),
        ],
        ids=["save-yaml", "save-json", "save-parquet", "write_ics", "save_plot", "to_html"],
    )
    def test_names_the_folder(self, tmp_path: Path, write: object) -> None:
        tl = Timeline([Event(title="A", when="2026-04")])
        missing = tmp_path / "no-such-folder"
        with pytest.raises(TimelineError, match="no-such-folder") as info:
            write(tl, missing)  # type: ignore[operator]
        assert ".tmp" not in str(info.value)  # not the hidden temporary file
        assert "does not exist" in str(info.value)
        assert not missing.exists()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # one space too many after a nested list: line up with 'sources'
        (
            'events:\n  - title: A\n    sources:\n      - title: S\n     when: "2026"\n',
            5,
            "'when' has 1 space more than 'sources' on line 3",
        ),
        # one space too few
        (
            'events:\n  - title: A\n    when: "2026"\n   status: expected\n',
            4,
            "'status' has 1 space fewer than 'when' on line 3",
        ),
    ],
)
def test_indentation_advice_names_the_key_to_line_up_with(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    (problem,) = _problems(path)
    assert f":{line}:" in problem and words in problem, problem
