"""Demo quiz (Dutch and English): the final quiz of the e-learning on signs of trafficking.

Plain data only. Each question is a (block_type, value) tuple; the Dutch and English lists hold
the same questions in the same order, with the same types and the same correct answers. All
cases are fictional and anonymous.
"""

QUIZ = {
    "slug": "eindtoets",
    "nl": {
        "title": "Eindtoets: signalen van mensenhandel",
        "intro": (
            "Met deze eindtoets kijk je wat je hebt geleerd over het herkennen van mensenhandel. "
            "De toets heeft tien vragen. Na het inleveren krijg je bij elke vraag uitleg, dus je "
            "leert ook van een fout antwoord. Neem rustig de tijd."
        ),
        "questions": [
            # 1. The three elements
            (
                "single_choice",
                {
                    "title": "De drie elementen",
                    "prompt": (
                        "Mensenhandel bestaat uit drie elementen. Welk van deze punten hoort daar "
                        "niet bij?"
                    ),
                    "options": [
                        {
                            "text": "Een handeling, zoals werven, vervoeren of huisvesten",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit is wel een element: de handeling.",
                        },
                        {
                            "text": "Een dwangmiddel, zoals dreiging, chantage of misleiding",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit is wel een element: het dwangmiddel.",
                        },
                        {
                            "text": "Uitbuiting, waarbij een ander er financieel beter van wordt",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit is wel een element: uitbuiting of financieel gewin.",
                        },
                        {
                            "text": "Het slachtoffer is over een landsgrens gebracht",
                            "correct": True,
                            "weight": None,
                            "feedback": "Klopt: mensenhandel kan ook helemaal binnen Nederland "
                            "plaatsvinden.",
                        },
                    ],
                    "general_feedback": (
                        "De drie elementen zijn een handeling, een dwangmiddel en uitbuiting. "
                        "Een grens oversteken is daarvoor niet nodig."
                    ),
                    "points": 1,
                },
            ),
            # 2. The four forms
            (
                "matching",
                {
                    "title": "Vier vormen van uitbuiting",
                    "prompt": "Koppel elke vorm van mensenhandel aan het voorbeeld dat erbij past.",
                    "pairs": [
                        {
                            "left": "Seksuele uitbuiting",
                            "right": (
                                "Een meisje wordt gechanteerd met een filmpje en moet tegen "
                                "betaling seks hebben met mannen in een hotel."
                            ),
                        },
                        {
                            "left": "Criminele uitbuiting",
                            "right": (
                                "Een jongen moet drugs vervoeren om een zogenaamde schuld af te "
                                "lossen."
                            ),
                        },
                        {
                            "left": "Arbeidsuitbuiting",
                            "right": (
                                "Een arbeidsmigrant werkt elke dag veertien uur in een kas en moet "
                                "bijna zijn hele loon afdragen."
                            ),
                        },
                        {
                            "left": "Gedwongen orgaanverwijdering",
                            "right": (
                                "Iemand wordt onder druk gezet om een nier af te staan voor geld "
                                "dat hij nooit krijgt."
                            ),
                        },
                    ],
                    "general_feedback": (
                        "Mensenhandel kent vier vormen: seksuele uitbuiting, criminele uitbuiting, "
                        "arbeidsuitbuiting en gedwongen orgaanverwijdering."
                    ),
                    "points": 1,
                },
            ),
            # 3. Risk factors
            (
                "multiple_response",
                {
                    "title": "Risicofactoren",
                    "prompt": (
                        "Welke van deze omstandigheden maken iemand kwetsbaarder voor "
                        "mensenhandel? Kies alle juiste antwoorden."
                    ),
                    "options": [
                        {
                            "text": "Een licht verstandelijke beperking",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: dit is een bekende risicofactor.",
                        },
                        {
                            "text": "Eerder in de jeugdzorg hebben gezeten",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: een verleden in de jeugdzorg verhoogt het risico.",
                        },
                        {
                            "text": "Schulden of een verslaving",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: schulden en verslaving maken iemand afhankelijk.",
                        },
                        {
                            "text": "Meerdere talen spreken",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit staat niet in de lijst met risicofactoren.",
                        },
                        {
                            "text": "Een rijbewijs hebben",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit staat niet in de lijst met risicofactoren.",
                        },
                    ],
                    "general_feedback": (
                        "Bekende risicofactoren zijn onder meer eerder geweld, een licht "
                        "verstandelijke beperking, trauma of jeugdzorg, schulden en verslaving, "
                        "een leeftijd van 12 tot 24 jaar en een onzekere verblijfsstatus."
                    ),
                    "points": 1,
                },
            ),
            # 4. Signals of forced work
            (
                "multiple_response",
                {
                    "title": "Signalen van gedwongen werk",
                    "prompt": (
                        "Een schoonmaakster vertelt je over haar werk. Welke signalen wijzen erop "
                        "dat ze misschien tegen haar wil werkt? Kies alle juiste antwoorden."
                    ),
                    "options": [
                        {
                            "text": "Haar werkgever bewaart haar paspoort",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: geen toegang tot je eigen paspoort is een signaal.",
                        },
                        {
                            "text": "Ze moet het grootste deel van wat ze verdient afgeven",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: dit is een duidelijk signaal van uitbuiting.",
                        },
                        {
                            "text": "Ze heeft een enorme schuld bij de persoon voor wie ze werkt",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: een grote schuld wordt vaak als drukmiddel "
                            "gebruikt.",
                        },
                        {
                            "text": "Ze krijgt elke maand haar loon op haar eigen bankrekening",
                            "correct": False,
                            "weight": None,
                            "feedback": "Dit wijst er juist op dat ze zelf over haar geld gaat.",
                        },
                        {
                            "text": "Ze heeft een schriftelijk arbeidscontract",
                            "correct": False,
                            "weight": None,
                            "feedback": "Een contract op zich is geen signaal van dwang.",
                        },
                        {
                            "text": "Ze neemt vakantie om haar familie te bezoeken",
                            "correct": False,
                            "weight": None,
                            "feedback": "Vrij kunnen reizen en rusten past niet bij dwang.",
                        },
                    ],
                    "general_feedback": (
                        "Geen toegang tot je eigen paspoort, het grootste deel van je verdiensten "
                        "moeten afgeven en een grote schuld bij je werkgever zijn signalen dat "
                        "iemand tegen haar wil werkt."
                    ),
                    "points": 1,
                },
            ),
            # 5. Victims rarely report themselves
            (
                "true_false",
                {
                    "title": "Zelf melden",
                    "prompt": (
                        "De meeste slachtoffers van mensenhandel melden zich zelf bij de politie "
                        "of een hulpverlener."
                    ),
                    "correct": False,
                    "feedback_true": (
                        "Dat is niet zo: slachtoffers melden zich zelden zelf. Daarom is het "
                        "belangrijk dat jij signalen herkent."
                    ),
                    "feedback_false": (
                        "Klopt: slachtoffers melden zich zelden zelf, dus signalen van anderen "
                        "zijn heel belangrijk."
                    ),
                    "general_feedback": (
                        "Slachtoffers melden zich zelden zelf. Contact ontstaat meestal via "
                        "signalen van anderen, veldwerk (online en offline), voorlichting en "
                        "partnerorganisaties."
                    ),
                    "points": 1,
                },
            ),
            # 6. Consequences of criminal exploitation
            (
                "single_choice",
                {
                    "title": "Gevolgen van criminele uitbuiting",
                    "prompt": (
                        "Een jongen van 16 wordt opgepakt terwijl hij drugs vervoert. Later blijkt "
                        "dat hij daartoe gedwongen werd. Welk risico loopt hij vooral?"
                    ),
                    "options": [
                        {
                            "text": "Hij wordt gezien als dader in plaats van als slachtoffer",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: zo wordt hij dubbel slachtoffer.",
                        },
                        {
                            "text": "Hij krijgt automatisch een verblijfsvergunning",
                            "correct": False,
                            "weight": None,
                            "feedback": "Nee, dat heeft hier niets mee te maken.",
                        },
                        {
                            "text": "Hij vertelt meteen zelf het hele verhaal",
                            "correct": False,
                            "weight": None,
                            "feedback": "Nee, slachtoffers durven vaak juist niets te vertellen.",
                        },
                    ],
                    "general_feedback": (
                        "Slachtoffers van criminele uitbuiting worden vaak als dader gezien. Ze "
                        "durven niet te praten, worden dubbel slachtoffer en lopen kans dat het "
                        "opnieuw gebeurt."
                    ),
                    "points": 1,
                },
            ),
            # 7. B8 reflection period
            (
                "numerical",
                {
                    "title": "Bedenktijd in de B8-regeling",
                    "prompt": (
                        "Hoeveel maanden duurt de bedenktijd voor slachtoffers uit het buitenland "
                        "onder de B8-regeling?"
                    ),
                    "answers": [
                        {
                            "value": 3.0,
                            "tolerance": 0.0,
                            "feedback": "Juist: de bedenktijd duurt drie maanden.",
                        },
                    ],
                    "general_feedback": (
                        "De bedenktijd duurt drie maanden. In die tijd wordt het slachtoffer niet "
                        "uitgezet en kan hij of zij rustig nadenken over een aangifte."
                    ),
                    "points": 1,
                },
            ),
            # 8. B8 rights
            (
                "single_choice",
                {
                    "title": "Rechten met de B8-regeling",
                    "prompt": (
                        "Een slachtoffer uit het buitenland doet aangifte, werkt mee met de "
                        "politie en krijgt een tijdelijke verblijfsvergunning. Wat mag hij of zij "
                        "met die vergunning?"
                    ),
                    "options": [
                        {
                            "text": "Werken in Nederland",
                            "correct": True,
                            "weight": None,
                            "feedback": "Juist: met deze vergunning mag het slachtoffer werken.",
                        },
                        {
                            "text": "Meteen de Nederlandse nationaliteit aanvragen",
                            "correct": False,
                            "weight": None,
                            "feedback": "Nee, de vergunning is tijdelijk en geeft dat recht niet.",
                        },
                        {
                            "text": "Niets: hij of zij moet binnen een week het land uit",
                            "correct": False,
                            "weight": None,
                            "feedback": "Nee, het slachtoffer mag juist blijven.",
                        },
                    ],
                    "general_feedback": (
                        "Met de B8-regeling heeft een slachtoffer recht op opvang, een uitkering "
                        "en medische zorg. Met de tijdelijke verblijfsvergunning mag hij of zij "
                        "ook werken."
                    ),
                    "points": 1,
                },
            ),
            # 9. Where to get help
            (
                "short_answer",
                {
                    "title": "Landelijk coördinatiecentrum",
                    "prompt": (
                        "Hoe heet het landelijke coördinatiecentrum tegen mensenhandel, dat je op "
                        "werkdagen van 8.00 tot 19.00 uur kunt bellen? Typ één woord."
                    ),
                    "answers": [
                        {
                            "text": "CoMensha",
                            "feedback": "Juist: CoMensha is bereikbaar via 033 448 11 86.",
                        },
                    ],
                    "general_feedback": (
                        "CoMensha is het landelijke coördinatiecentrum tegen mensenhandel. Je "
                        "belt op werkdagen van 8.00 tot 19.00 uur naar 033 448 11 86."
                    ),
                    "points": 1,
                },
            ),
            # 10. Steps after noticing signals
            (
                "ordering",
                {
                    "title": "Stappen na een signaal",
                    "prompt": (
                        "Je ziet signalen van mensenhandel. Zet de stappen in de juiste volgorde."
                    ),
                    "items": [
                        "Observeer en schrijf de feiten op",
                        "Overleg met een collega of aandachtsfunctionaris",
                        "Volg de stappen van de meldcode",
                        "Meld of verwijs door",
                    ],
                    "general_feedback": (
                        "Leg eerst de feiten vast, overleg dan met een collega en doorloop de "
                        "meldcode. Pas daarna meld je of verwijs je door."
                    ),
                    "points": 1,
                },
            ),
        ],
    },
    "en": {
        "title": "Final quiz: signs of human trafficking",
        "intro": (
            "This final quiz lets you check what you have learned about recognising human "
            "trafficking. It has ten questions. After handing in you get an explanation for each "
            "question, so you also learn from a wrong answer. Take your time."
        ),
        "questions": [
            # 1. The three elements
            (
                "single_choice",
                {
                    "title": "The three elements",
                    "prompt": (
                        "Human trafficking consists of three elements. Which of these is not one "
                        "of them?"
                    ),
                    "options": [
                        {
                            "text": "An act, such as recruiting, transporting or housing",
                            "correct": False,
                            "weight": None,
                            "feedback": "This is one of the elements: the act.",
                        },
                        {
                            "text": "A means of coercion, such as threats, blackmail or deception",
                            "correct": False,
                            "weight": None,
                            "feedback": "This is one of the elements: the means of coercion.",
                        },
                        {
                            "text": "Exploitation, where someone else gains financially",
                            "correct": False,
                            "weight": None,
                            "feedback": "This is one of the elements: exploitation or financial "
                            "gain.",
                        },
                        {
                            "text": "The victim has been taken across a national border",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: trafficking can also happen entirely within the "
                            "Netherlands.",
                        },
                    ],
                    "general_feedback": (
                        "The three elements are an act, a means of coercion and exploitation. "
                        "Crossing a border is not required."
                    ),
                    "points": 1,
                },
            ),
            # 2. The four forms
            (
                "matching",
                {
                    "title": "Four forms of exploitation",
                    "prompt": "Match each form of human trafficking to the example that fits it.",
                    "pairs": [
                        {
                            "left": "Sexual exploitation",
                            "right": (
                                "A girl is blackmailed with a video and has to have paid sex with "
                                "men in a hotel."
                            ),
                        },
                        {
                            "left": "Criminal exploitation",
                            "right": "A boy has to transport drugs to pay off a so-called debt.",
                        },
                        {
                            "left": "Labour exploitation",
                            "right": (
                                "A labour migrant works fourteen hours a day in a greenhouse and "
                                "has to hand over almost all his wages."
                            ),
                        },
                        {
                            "left": "Forced organ removal",
                            "right": (
                                "Someone is pressured into giving up a kidney for money he never "
                                "receives."
                            ),
                        },
                    ],
                    "general_feedback": (
                        "Human trafficking has four forms: sexual exploitation, criminal "
                        "exploitation, labour exploitation and forced organ removal."
                    ),
                    "points": 1,
                },
            ),
            # 3. Risk factors
            (
                "multiple_response",
                {
                    "title": "Risk factors",
                    "prompt": (
                        "Which of these circumstances make someone more vulnerable to human "
                        "trafficking? Choose all correct answers."
                    ),
                    "options": [
                        {
                            "text": "A mild intellectual disability",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: this is a known risk factor.",
                        },
                        {
                            "text": "Having been in youth care",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: a history of youth care increases the risk.",
                        },
                        {
                            "text": "Debts or an addiction",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: debts and addiction make someone dependent.",
                        },
                        {
                            "text": "Speaking several languages",
                            "correct": False,
                            "weight": None,
                            "feedback": "This is not on the list of risk factors.",
                        },
                        {
                            "text": "Having a driving licence",
                            "correct": False,
                            "weight": None,
                            "feedback": "This is not on the list of risk factors.",
                        },
                    ],
                    "general_feedback": (
                        "Known risk factors include earlier violence, a mild intellectual "
                        "disability, trauma or youth care, debts and addiction, being aged 12 to "
                        "24 and an insecure residence status."
                    ),
                    "points": 1,
                },
            ),
            # 4. Signals of forced work
            (
                "multiple_response",
                {
                    "title": "Signals of forced work",
                    "prompt": (
                        "A cleaner tells you about her work. Which signals suggest she may be "
                        "working against her will? Choose all correct answers."
                    ),
                    "options": [
                        {
                            "text": "Her employer keeps her passport",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: no access to your own passport is a signal.",
                        },
                        {
                            "text": "She has to hand over most of what she earns",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: this is a clear signal of exploitation.",
                        },
                        {
                            "text": "She has a huge debt to the person she works for",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: a large debt is often used as leverage.",
                        },
                        {
                            "text": "She is paid every month into her own bank account",
                            "correct": False,
                            "weight": None,
                            "feedback": "This rather suggests she controls her own money.",
                        },
                        {
                            "text": "She has a written employment contract",
                            "correct": False,
                            "weight": None,
                            "feedback": "A contract in itself is not a signal of coercion.",
                        },
                        {
                            "text": "She takes holidays to visit her family",
                            "correct": False,
                            "weight": None,
                            "feedback": "Being free to travel and rest does not fit coercion.",
                        },
                    ],
                    "general_feedback": (
                        "Having no access to your own passport, having to hand over most of your "
                        "earnings and a large debt to your employer are signals that someone is "
                        "working against her will."
                    ),
                    "points": 1,
                },
            ),
            # 5. Victims rarely report themselves
            (
                "true_false",
                {
                    "title": "Reporting themselves",
                    "prompt": (
                        "Most victims of human trafficking come forward themselves to the police "
                        "or a care worker."
                    ),
                    "correct": False,
                    "feedback_true": (
                        "That is not the case: victims rarely come forward themselves. That is "
                        "why it matters that you recognise signals."
                    ),
                    "feedback_false": (
                        "Correct: victims rarely come forward themselves, so signals from others "
                        "are very important."
                    ),
                    "general_feedback": (
                        "Victims rarely report themselves. Contact usually comes through signals "
                        "from others, fieldwork (online and offline), awareness-raising and "
                        "partner organisations."
                    ),
                    "points": 1,
                },
            ),
            # 6. Consequences of criminal exploitation
            (
                "single_choice",
                {
                    "title": "Consequences of criminal exploitation",
                    "prompt": (
                        "A 16-year-old boy is arrested while transporting drugs. It later turns "
                        "out he was forced to do so. What is the main risk he faces?"
                    ),
                    "options": [
                        {
                            "text": "He is seen as a perpetrator rather than as a victim",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: this makes him a victim twice over.",
                        },
                        {
                            "text": "He automatically gets a residence permit",
                            "correct": False,
                            "weight": None,
                            "feedback": "No, that has nothing to do with this situation.",
                        },
                        {
                            "text": "He immediately tells the whole story himself",
                            "correct": False,
                            "weight": None,
                            "feedback": "No, victims often do not dare to say anything.",
                        },
                    ],
                    "general_feedback": (
                        "Victims of criminal exploitation are often seen as perpetrators. They do "
                        "not dare to talk, are victimised twice and are at risk of it happening "
                        "again."
                    ),
                    "points": 1,
                },
            ),
            # 7. B8 reflection period
            (
                "numerical",
                {
                    "title": "Reflection period under the B8 scheme",
                    "prompt": (
                        "How many months does the reflection period for victims from abroad last "
                        "under the B8 scheme?"
                    ),
                    "answers": [
                        {
                            "value": 3.0,
                            "tolerance": 0.0,
                            "feedback": "Correct: the reflection period lasts three months.",
                        },
                    ],
                    "general_feedback": (
                        "The reflection period lasts three months. During that time the victim is "
                        "not deported and can think calmly about reporting the crime."
                    ),
                    "points": 1,
                },
            ),
            # 8. B8 rights
            (
                "single_choice",
                {
                    "title": "Rights under the B8 scheme",
                    "prompt": (
                        "A victim from abroad reports the crime and cooperates with the police. "
                        "They receive a temporary residence permit. What does that permit allow "
                        "them to do?"
                    ),
                    "options": [
                        {
                            "text": "Work in the Netherlands",
                            "correct": True,
                            "weight": None,
                            "feedback": "Correct: with this permit the victim may work.",
                        },
                        {
                            "text": "Apply for Dutch nationality straight away",
                            "correct": False,
                            "weight": None,
                            "feedback": "No, the permit is temporary and gives no such right.",
                        },
                        {
                            "text": "Nothing: they must leave the country within a week",
                            "correct": False,
                            "weight": None,
                            "feedback": "No, the victim is in fact allowed to stay.",
                        },
                    ],
                    "general_feedback": (
                        "Under the B8 scheme a victim is entitled to accommodation, benefits and "
                        "medical care. With the temporary residence permit they may also work."
                    ),
                    "points": 1,
                },
            ),
            # 9. Where to get help
            (
                "short_answer",
                {
                    "title": "National coordination centre",
                    "prompt": (
                        "What is the name of the national coordination centre against human "
                        "trafficking, which you can call on weekdays from 8:00 to 19:00? Type one "
                        "word."
                    ),
                    "answers": [
                        {
                            "text": "CoMensha",
                            "feedback": "Correct: you can reach CoMensha on 033 448 11 86.",
                        },
                    ],
                    "general_feedback": (
                        "CoMensha is the national coordination centre against human trafficking. "
                        "You can call 033 448 11 86 on weekdays from 8:00 to 19:00."
                    ),
                    "points": 1,
                },
            ),
            # 10. Steps after noticing signals
            (
                "ordering",
                {
                    "title": "Steps after a signal",
                    "prompt": (
                        "You notice signs of human trafficking. Put the steps in the right order."
                    ),
                    "items": [
                        "Observe and write down the facts",
                        "Consult a colleague or the attention officer",
                        "Follow the steps of the reporting code (meldcode)",
                        "Report or refer",
                    ],
                    "general_feedback": (
                        "First record the facts, then consult a colleague and work through the "
                        "reporting code. Only then do you report or refer."
                    ),
                    "points": 1,
                },
            ),
        ],
    },
}
