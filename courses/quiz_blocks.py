"""Question blocks of a quiz. Values are what editors write; the learner's
browser only ever gets the presentation built in `courses.grading`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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

    class Meta:
        icon = "edit"
        label = _("Short answer")


class NumericAnswer(blocks.StructBlock):
    value = blocks.FloatBlock(label=_("value"))
    tolerance = blocks.FloatBlock(label=_("tolerance (±)"), default=0, min_value=0)
    feedback = blocks.CharBlock(label=_("feedback"), required=False)


class NumericalBlock(QuestionBlock):
    answers = blocks.ListBlock(NumericAnswer(), label=_("accepted values"), min_num=1)

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
