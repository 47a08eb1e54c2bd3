"""Reading a quiz attempt's form as a browser does: by the labels it shows.

The form posts opaque per-attempt tokens, so tests find what to post the way a
learner does, by the text next to a radio button or in a drop-down.
"""

from html.parser import HTMLParser


class QuizForm(HTMLParser):
    """The inputs and drop-downs of a rendered attempt, keyed by their labels."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.inputs: dict[str, dict] = {}  # id -> attributes of an <input>
        self.selects: dict[str, dict] = {}  # id -> {"name": ..., "options": {text: value}}
        self.labels: dict[str, str] = {}  # the id a <label> is for -> its text
        self._label_for: str | None = None
        self._select_id: str | None = None
        self._option_value: str | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("id"):
            self.inputs[attrs["id"]] = attrs
        elif tag == "label":
            self._label_for, self._text = attrs.get("for"), []
        elif tag == "select":
            self._select_id = attrs["id"]
            self.selects[attrs["id"]] = {"name": attrs["name"], "options": {}}
        elif tag == "option":
            self._option_value, self._text = attrs.get("value", ""), []

    def handle_data(self, data):
        self._text.append(data)

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text).split())
        if tag == "label" and self._label_for:
            self.labels[self._label_for] = text
            self._label_for = None
        elif tag == "option" and self._select_id and self._option_value:
            self.selects[self._select_id]["options"][text] = self._option_value
            self._option_value = None
        elif tag == "select":
            self._select_id = None

    def _id_of(self, label: str) -> str:
        found = [for_id for for_id, text in self.labels.items() if text == label]
        assert len(found) == 1, f"{len(found)} fields labelled {label!r}"
        return found[0]

    def option(self, label: str) -> tuple[str, str]:
        """(name, value) that ticking the radio button or box labelled `label` posts."""
        field = self.inputs[self._id_of(label)]
        return field["name"], field["value"]

    def select(self, label: str, option: str) -> tuple[str, str]:
        """(name, value) that choosing `option` in the drop-down labelled `label` posts."""
        select = self.selects[self._id_of(label)]
        return select["name"], select["options"][option]

    def options(self, label: str) -> dict[str, str]:
        """The choices of the drop-down labelled `label`: text -> value posted."""
        return self.selects[self._id_of(label)]["options"]
