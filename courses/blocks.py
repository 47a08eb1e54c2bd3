"""StreamField blocks of lessons, session plans and quizzes."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from lms.blocks import BaseStreamBlock


class CaseBlock(blocks.StructBlock):
    """A situation to discuss, with questions and an answer shown on request."""

    title = blocks.CharBlock(label=_("title"))
    situation = blocks.RichTextBlock(label=_("situation"), features=["bold", "italic", "ol", "ul"])
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("question")), label=_("discussion questions")
    )
    model_answer = blocks.RichTextBlock(
        label=_("model answer"),
        required=False,
        features=["bold", "italic", "ol", "ul"],
        help_text=_("Hidden until the reader asks for it."),
    )

    class Meta:
        icon = "group"
        label = _("Case")
        template = "blocks/case_block.html"


class Interpretation(blocks.StructBlock):
    min_ticks = blocks.IntegerBlock(label=_("from this many ticks"), min_value=0)
    message = blocks.TextBlock(label=_("what it means"))


class ChecklistValue(blocks.StructValue):
    def interpretation_for(self, ticks: int) -> str:
        """The message of the highest threshold the number of ticks reaches."""
        reached = [i for i in self["interpretations"] if ticks >= i["min_ticks"]]
        if not reached:
            return ""
        return max(reached, key=lambda i: i["min_ticks"])["message"]


class SignalsChecklistBlock(blocks.StructBlock):
    """A self-check: the reader ticks the signals they recognise and is told what
    their ticks mean. A plain form, so it works without JavaScript."""

    title = blocks.CharBlock(label=_("title"))
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    signals = blocks.ListBlock(blocks.CharBlock(label=_("signal")), label=_("signals"))
    interpretations = blocks.ListBlock(Interpretation(), label=_("interpretations"))

    class Meta:
        icon = "tasks"
        label = _("Signals checklist")
        template = "blocks/signals_checklist_block.html"
        value_class = ChecklistValue

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        block_id = (parent_context or {}).get("block_id") or ""
        context["form_id"] = f"checklist-{block_id}" if block_id else "checklist"
        ticked: set[int] = set()
        submitted = False
        if request is not None and request.GET.get("checklist") == context["form_id"]:
            submitted = True
            for raw in request.GET.getlist("signal"):
                if raw.isdigit() and int(raw) < len(value["signals"]):
                    ticked.add(int(raw))
        context["ticked"] = ticked
        context["submitted"] = submitted
        if submitted:
            count = len(ticked)
            context["result_count"] = ngettext(
                "You ticked %(count)d signal.", "You ticked %(count)d signals.", count
            ) % {"count": count}
            context["result"] = value.interpretation_for(count)
        return context


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("term"))
    definition = blocks.RichTextBlock(label=_("definition"), features=["bold", "italic", "link"])

    class Meta:
        icon = "doc-full"
        label = _("Definition")
        template = "blocks/definition_block.html"


class LessonStreamBlock(BaseStreamBlock):
    case = CaseBlock()
    signals_checklist = SignalsChecklistBlock()
    definition = DefinitionBlock()


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("activity"))
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, required=False)
    description = blocks.RichTextBlock(label=_("how"), features=["bold", "italic", "ol", "ul"])

    class Meta:
        icon = "time"
        label = _("Activity")


# --- Question blocks of a quiz. Values are what editors write; the learner's
# browser only ever gets the presentation built in `courses.grading`. ---


class QuestionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    prompt = blocks.TextBlock(label=_("question"))
    general_feedback = blocks.TextBlock(
        label=_("general feedback"),
        required=False,
        help_text=_("Shown in the review, after the learner has handed in the attempt."),
    )
    points = blocks.IntegerBlock(label=_("points"), default=1, min_value=1)


class ChoiceOption(blocks.StructBlock):
    text = blocks.CharBlock(label=_("option"))
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    weight = blocks.IntegerBlock(
        label=_("weight (%)"),
        required=False,
        min_value=-100,
        max_value=100,
        help_text=_("Multiple response only: share of the points; negative subtracts."),
    )
    feedback = blocks.CharBlock(label=_("feedback"), required=False)


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOption(), label=_("options"), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleResponseBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOption(), label=_("options"), min_num=2)

    class Meta:
        icon = "tasks"
        label = _("Multiple response")


class TrueFalseBlock(QuestionBlock):
    correct = blocks.BooleanBlock(label=_("the statement is true"), required=False)
    feedback_true = blocks.CharBlock(label=_("feedback when answered true"), required=False)
    feedback_false = blocks.CharBlock(label=_("feedback when answered false"), required=False)

    class Meta:
        icon = "radio-empty"
        label = _("True or false")


class Pair(blocks.StructBlock):
    left = blocks.CharBlock(label=_("item"))
    right = blocks.CharBlock(label=_("matches"))


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(Pair(), label=_("pairs"), min_num=2)
    distractors = blocks.ListBlock(
        blocks.CharBlock(label=_("extra choice")),
        label=_("extra choices"),
        default=[],
        help_text=_("Choices that match no item; every row offers them too."),
    )

    class Meta:
        icon = "link"
        label = _("Matching")


class AcceptedAnswer(blocks.StructBlock):
    text = blocks.CharBlock(label=_("accepted answer"))
    feedback = blocks.CharBlock(label=_("feedback"), required=False)


class ShortAnswerBlock(QuestionBlock):
    answers = blocks.ListBlock(
        AcceptedAnswer(),
        label=_("accepted answers"),
        min_num=1,
        help_text=_("Case and spaces around the answer are ignored."),
    )
    feedback_other = blocks.CharBlock(
        label=_("feedback for any other answer"),
        required=False,
        help_text=_("Shown when the answer matches none of the accepted answers."),
    )

    class Meta:
        icon = "edit"
        label = _("Short answer")


class NumericAnswer(blocks.StructBlock):
    value = blocks.FloatBlock(label=_("value"))
    tolerance = blocks.FloatBlock(label=_("tolerance (±)"), default=0, min_value=0)
    feedback = blocks.CharBlock(label=_("feedback"), required=False)


class NumericalBlock(QuestionBlock):
    answers = blocks.ListBlock(NumericAnswer(), label=_("accepted values"), min_num=1)
    feedback_other = blocks.CharBlock(
        label=_("feedback for any other answer"),
        required=False,
        help_text=_("Shown when the answer is within none of the accepted values."),
    )

    class Meta:
        icon = "order"
        label = _("Numerical")


class OrderingBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("item")),
        label=_("items in the right order"),
        min_num=2,
        help_text=_("Learners see them shuffled."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Ordering")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_response = MultipleResponseBlock()
    true_false = TrueFalseBlock()
    matching = MatchingBlock()
    short_answer = ShortAnswerBlock()
    numerical = NumericalBlock()
    ordering = OrderingBlock()
