"""A small held-out check of French attribution: sentences of the shapes real French news uses, written for this
test and never used to tune a rule (wikinews-fr measures the rules; this keeps the gain from being only on those
twenty articles). Each case gives the words of one statement and who says them (None: nobody's statement)."""

from __future__ import annotations

import pytest

from volte.ingest import make_article
from volte.nlp.extract import extract_statements

pytestmark = pytest.mark.model

_CASES = [
    # cue phrases of several words
    ("La Ligue des droits de l'homme a fait état de nombreuses arrestations arbitraires dans la région.",
     "nombreuses arrestations", "Ligue des droits de l'homme"),
    ("Le ministère de l'Intérieur a fait savoir que les contrôles seraient renforcés aux frontières.",
     "contrôles seraient renforcés", "ministère de l'Intérieur"),
    # (a document speaks, as in English: `The report found …`)
    ("Le rapport met directement en cause la gestion du préfet pendant les inondations.",
     "la gestion du préfet", "rapport"),
    ("Marie Delorme a mis en cause la responsabilité de l'exploitant du barrage.",
     "la responsabilité de l'exploitant", "Marie Delorme"),
    ("Le maire de Lyon en appelle à la solidarité des communes voisines.",
     "la solidarité des communes", "maire de Lyon"),
    ("Le syndicat Force ouvrière a fait part de son inquiétude après l'annonce du plan social.",
     "son inquiétude", "Force ouvrière"),
    ("Le Haut Conseil pour le climat met en garde contre un réchauffement plus rapide que prévu.",
     "un réchauffement", "Haut Conseil pour le climat"),
    # a report by its object, running to the end of the clause
    ("L'UNICEF estime à deux millions le nombre d'enfants privés d'école dans le pays.",
     "deux millions le nombre d'enfants privés d'école", "UNICEF"),
    ("Les syndicats de cheminots ont annoncé une grève reconductible à partir du 5 décembre sur l'ensemble du réseau.",
     "grève reconductible à partir du 5 décembre sur l'ensemble du réseau", "syndicats de cheminots"),
    ("Greenpeace dénonce la reprise des forages au large de la Guyane malgré l'avis des scientifiques.",
     "la reprise des forages au large de la Guyane", "Greenpeace"),
    # a second cue verb after `et`
    ("L'opposition a critiqué « un budget d'austérité » et a réclamé un débat au Parlement sur la dette.",
     "un débat au Parlement", "opposition"),
    ("Les agriculteurs dénoncent la baisse des prix et exigent une aide d'urgence de l'État.",
     "une aide d'urgence", "agriculteurs"),
    # names the tagger may cut at a hyphen
    ("Le chômage va encore augmenter, affirme Jean-Baptiste Moreau de l'Observatoire de l'emploi.",
     "Le chômage va encore augmenter", "Jean-Baptiste Moreau"),
    ("Abdel Karim al-Masri a fait état de combats violents autour de l'aéroport.",
     "combats violents", "Abdel Karim al-Masri"),
    # a quotation ended by a full stop keeps its own attribution, not the next sentence's
    ("Selon la fédération des notaires, Notaires de France, « le marché reste stable ». La fédération en appelle "
     "aussi à la prudence des acheteurs.", "le marché reste stable", "Notaires de France"),
    # reported speech already handled, for a rounded check
    ("Selon le procureur de la République, l'incendie serait d'origine criminelle.",
     "l'incendie serait d'origine criminelle", "procureur de la République"),
    ("D'après l'Insee, le pouvoir d'achat a reculé de 0,4 % au premier trimestre.",
     "le pouvoir d'achat a reculé", "Insee"),
    ("La situation est sous contrôle, a assuré le préfet de police Laurent Nuñez.",
     "La situation est sous contrôle", "Laurent Nuñez"),
    ("La réforme sera votée avant l'été, a-t-elle précisé. Élisabeth Borne était à Matignon.",
     "La réforme sera votée", None),
    ("Pour l'économiste Thomas Piketty, les inégalités de patrimoine continuent de se creuser.",
     "les inégalités de patrimoine", "Thomas Piketty"),
    ("Le Premier ministre a déclaré jeudi que le gouvernement ne reculerait pas sur les retraites.",
     "le gouvernement ne reculerait pas", "Premier ministre"),
    ("L'ONG Amnesty International a publié un rapport. L'organisation accuse les forces de sécurité d'avoir "
     "tiré sur des manifestants.", "forces de sécurité", "Amnesty International"),
    # (added with the second set of rules, written before running them)
    ("Chez Michelin, la direction a annoncé la fermeture de l'usine de Cholet d'ici 2026.",
     "la fermeture de l'usine", "Michelin"),
    ("Jugeant que « le compte n'y est pas », la CFDT a quitté la table des négociations.",
     "le compte n'y est pas", "CFDT"),
    ("Selon Reuters, le gouvernement turc a démenti toute implication dans l'attaque.",
     "toute implication", "gouvernement turc"),
    ("« Nous irons jusqu'au bout » assure à France Info Karim Benali, le délégué syndical. « La direction doit "
     "reculer » a-t-il ajouté.", "La direction doit reculer", "Karim Benali"),
    ("Le préfet s'est félicité du calme des manifestations.", "du calme des manifestations", "préfet"),
    ("La hausse des prix s'explique par la sécheresse de l'été.", "la sécheresse", None),
    # (added with the third set of rules, written before running them)
    ("Le Conseil d'État rappelle que la mesure reste, selon lui, contraire au droit européen.",
     "contraire au droit européen", "Conseil d'État"),
    ("Des milliers d'étudiants ont défilé jeudi à Montréal. Ils dénoncent la hausse des frais de scolarité.",
     "la hausse des frais", "étudiants"),
    ("La Confédération générale du travail appelle à la grève. Pour la CGT, le projet de loi est une provocation.",
     "une provocation", "CGT"),
    ("Le syndicat Solidaires vient de diffuser un tract dans lequel il accuse la direction de mentir aux salariés.",
     "mentir aux salariés", "Solidaires"),
    ("La décision a poussé le père de l'enfant, Ahmed Kaci, à porter plainte : « Je ne laisserai pas cette affaire "
     "sans suite ».", "cette affaire sans suite", "Ahmed Kaci"),
    ("Le groupe Danone a annoncé 2 000 suppressions de postes. Une porte-parole de l'entreprise a indiqué que les "
     "sites français seraient épargnés.", "sites français seraient épargnés", "Danone"),
    ("L'ancien ambassadeur de France au Mali, Nicolas Normand, a estimé que l'intervention était nécessaire. Mais "
     "la paix sera longue à construire, dit-il.", "la paix sera longue", "Nicolas Normand"),
    ("Le gouvernement refusant toute concession, la CFDT a appelé à une nouvelle journée de mobilisation.",
     "une nouvelle journée", "CFDT"),
    # (added with the fourth set of rules, written before running them) a colon after a description's clause
    ("Sûr de sa réélection, le président du club ne s'inquiète guère : « les supporters ont déjà renouvelé leurs "
     "abonnements ».", "renouvelé leurs abonnements", None),
    ("La porte-parole du collectif reste ferme : « nous ne quitterons pas les lieux ».", "nous ne quitterons pas",
     "porte-parole du collectif"),
    ("Une étude de l'Inserm arrive au même constat : « la pollution réduit l'espérance de vie ».",
     "la pollution réduit", "Inserm"),
    # the subject after an opening participle clause, not that clause's object
    ("La Ligue des droits de l'homme dénonce les arrestations. Le Burundi n'ayant pas ratifiée la convention contre "
     "la torture, la Ligue a demandée au Conseil de l'Europe de sanctionner le régime.", "sanctionner le régime",
     "Ligue des droits de l'homme"),
    # a description with a quality, the group the article introduced by that quality
    ("Les indépendantistes du FLNC ont revendiqué l'attentat. Le Parti socialiste a condamné l'attaque. Le mouvement "
     "indépendantiste affirme que la lutte armée continuera.", "la lutte armée continuera", "FLNC"),
    # a cue verb in the present the tagger took for a noun (`demande`), after an aside
    ("La présidente de la région, en poste depuis 2015, demande à l'État des moyens pour rouvrir la ligne "
     "ferroviaire.", "des moyens pour rouvrir", "présidente de la région"),
    ("Les riverains, excédés par le bruit depuis des mois, dénoncent l'inaction de la préfecture.",
     "l'inaction de la préfecture", "riverains"),
    # narration, nobody's statement
    ("La tempête a fait trois morts et des milliers de foyers ont été privés d'électricité.", "trois morts", None),
    ("Le tribunal a fait droit à la demande de la commune en mars dernier.", "la demande de la commune", None),
]

# Cases the rules do not serve yet, each with the cause (the check stays honest: they fail today).
_NOT_YET = {
    "un réchauffement": "an organisation's name cut at `pour` (`Haut Conseil` for `Haut Conseil pour le climat`)",
    "le gouvernement ne reculerait pas": "`Le Premier ministre` stored as `ministre` (the title word stripped)",
    "le compte n'y est pas": "`Jugeant`, a weak cue, parsed as a `mark`: no cue governs the quotation",
    "La direction doit reculer": "`assure à France Info Karim Benali`: the medium taken for the speaker (`Info`)",
    "sanctionner le régime": "the subject is found, but `la Ligue` stays a name of its own, not the `Ligue des droits "
    "de l'homme` named before (a name's short form)",
    "renouvelé leurs abonnements": "`ne s'inquiète guère`: a cue verb of concern, negated, still a speech cue before "
    "the colon",
}


@pytest.mark.parametrize(("text", "words", "speaker"), _CASES, ids=[c[1][:30] for c in _CASES])
def test_french_news_sentence(text: str, words: str, speaker: str | None) -> None:
    if words in _NOT_YET:
        pytest.xfail(_NOT_YET[words])
    statements = extract_statements(make_article(text, source="fr.md", published="2024-03-14", language="fr"))
    hits = [s for s in statements if words in s.text]
    if speaker is None:
        assert all(s.speaker is None for s in hits), [(s.text, s.speaker) for s in hits]
        return
    assert hits, f"no statement holds {words!r}: {[(s.text, s.speaker and s.speaker.name) for s in statements]}"
    assert hits[0].speaker is not None and speaker.lower() in hits[0].speaker.name.lower(), (
        hits[0].speaker, hits[0].text)
