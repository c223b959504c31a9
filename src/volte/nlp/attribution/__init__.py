"""Attribution: who said each quotation and report of a document, decided by small named rules in stages.

    attribute(doc, cues) -> Attributions      # run.py: the runner
    STAGES                                    # rules.py: stage -> its rules, in precedence order

The stages, in the order the runner uses them (each a list in its module):
    subject            subjects.py     the token heading a cue verb's speaker in the parse
    quote_cue_filter   filters.py      cue candidates of a quotation that are part of another cue's report
    quote_cue          quote_cues.py   the cue that introduces a quotation
    quote_subject      quote_cues.py   a speaker token for a cue after the quotation that has none
    report_cue_filter  filters.py      cues that report nothing of their own
    report_cue         reports.py      cue words that introduce reported content
    report_finder      reports.py      nominal reports and verbs of quoted fragments
    mention, name      speakers.py     which phrase speaks, and which word of it names the speaker
    speaker            speakers.py     the entity it stands for
    speaker_list       speakers.py     a list of subjects speaking as one group
    continuity         continuity.py   a speaker from the layout or what came before, when the cue gave none
    quote_filter       filters.py      quotations that are nobody's statement (titles, scare quotes)
    continuation       continuity.py   a quotation interrupted by its attribution, joined into one
"""

from volte.nlp.attribution.cues import Cue, find_cues, is_weak
from volte.nlp.attribution.history import Attribution
from volte.nlp.attribution.rules import STAGES, Example, Rule, all_rules
from volte.nlp.attribution.run import Attributions, attribute
from volte.nlp.attribution.speech import can_speak, noun_forms
from volte.nlp.attribution.subjects import find_subject, speaker_of

__all__ = [
    "STAGES",
    "Attribution",
    "Attributions",
    "Cue",
    "Example",
    "Rule",
    "all_rules",
    "attribute",
    "can_speak",
    "find_cues",
    "find_subject",
    "is_weak",
    "noun_forms",
    "speaker_of",
]
