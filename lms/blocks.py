"""StreamField blocks every page type may use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale

from .help_contacts import HelpContact


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title"), help_text=_("Names the video for screen readers."))
    transcript = blocks.RichTextBlock(
        label=_("transcript"), required=False, features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("tone"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Take care"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {"tone": "info", "title": "Goed om te weten", "text": "<p>Tekst</p>"}


class HelpContactsBlock(blocks.StructBlock):
    """Shows the public help lines (the Help contacts snippets) in the page's language."""

    heading = blocks.CharBlock(label=_("heading"), default=_("Where to get help"))
    intro = blocks.TextBlock(label=_("introduction"), required=False)

    class Meta:
        icon = "help"
        label = _("Help contacts")
        template = "blocks/help_contacts_block.html"
        help_text = _("Lists the help contacts managed under Snippets.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # A help line nobody can reach (no number, no link) is not worth showing.
        context["contacts"] = HelpContact.objects.filter(locale=Locale.get_active()).exclude(
            phone="", url=""
        )
        return context


class FeaturedPagesBlock(blocks.StructBlock):
    """Cards for pages an editor picks (e.g. offers from the catalogue)."""

    heading = blocks.CharBlock(label=_("heading"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("pages"))
    more_link = blocks.PageChooserBlock(
        label=_("link to more"), required=False, help_text=_("For example the whole catalogue.")
    )
    more_text = blocks.CharBlock(label=_("text of that link"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Featured pages")
        template = "blocks/featured_pages_block.html"

    def get_context(self, value, parent_context=None):
        from wagtail.models import Page

        context = super().get_context(value, parent_context=parent_context)
        ids = [page.pk for page in value["pages"] if page is not None]
        by_id = {
            page.pk: page for page in Page.objects.live().public().filter(pk__in=ids).specific()
        }
        context["cards"] = [by_id[pk] for pk in ids if pk in by_id]
        return context


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    help_contacts = HelpContactsBlock()
    featured_pages = FeaturedPagesBlock()
