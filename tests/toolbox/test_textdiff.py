"""Word-level differences of texts, as shown in the history of an item."""

from toolbox.textdiff import readable_text, word_diff


def test_rich_text_is_compared_as_the_words_a_reader_sees():
    html = "<h2>Leren</h2><p>Mensen leren <strong>de hele</strong> dag&nbsp;door &amp; meer.</p>"

    assert readable_text(html) == "Leren\nMensen leren de hele dag door & meer."


def test_list_items_become_lines_with_a_bullet():
    assert readable_text("<ul><li>een</li><li>twee</li></ul>") == "• een\n• twee"


def test_removed_and_added_words_are_marked():
    diff = word_diff("Mensen leren de hele dag door.", "Mensen leren elke dag door.")

    assert diff == "Mensen leren <del>de hele</del> <ins>elke</ins> dag door."


def test_a_word_added_at_the_end_and_one_removed_in_the_middle():
    assert word_diff("een twee drie", "een drie vier") == "een <del>twee</del> drie <ins>vier</ins>"


def test_the_texts_are_escaped():
    diff = word_diff("a <b>", 'a <script>alert("x")</script>')

    assert "<script>" not in diff
    assert "&lt;script&gt;" in diff


def test_identical_texts_have_no_marks():
    assert word_diff("Zelfde tekst.", "Zelfde tekst.") == "Zelfde tekst."
