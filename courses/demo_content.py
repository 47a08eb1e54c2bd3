"""Demo content (Dutch and English) for the learning platform.

Plain data only: the lessons of the e-learning "Signalen van mensenhandel herkennen"
and the session plans of the group programmes and the prevention lesson. All cases are
fictional and anonymous. Session plans never ask trainers to register young people;
trainers only record how many took part.
"""


def _ul(*items: str) -> str:
    """An HTML bullet list of the given items."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# ---------------------------------------------------------------------------
# E-learning: Signalen van mensenhandel herkennen / Recognising signs of trafficking
# ---------------------------------------------------------------------------

TRAFFICKING_LESSONS = [
    # 1. The three elements -------------------------------------------------
    {
        "slug": "drie-elementen",
        "minutes": 10,
        "nl": {
            "title": "De drie elementen van mensenhandel",
            "intro": "In deze les leer je uit welke drie bouwstenen mensenhandel bestaat.",
            "body": [
                (
                    "definition",
                    {
                        "term": "Mensenhandel",
                        "definition": (
                            "<p>Van mensenhandel spreek je als iemand een ander "
                            "<b>werft, vervoert, huisvest of opvangt</b>, daarbij een "
                            "<b>dwangmiddel</b> inzet en dat doet om die persoon "
                            "<b>uit te buiten</b>. Is het slachtoffer jonger dan 18, "
                            "dan hoeft er geen dwangmiddel te zijn: de handeling met het "
                            "doel van uitbuiting is dan al genoeg.</p>"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<h3>Drie vragen</h3>"
                    "<p>Of er mogelijk sprake is van mensenhandel, onderzoek je met drie "
                    "vragen:</p>"
                    + _ul(
                        "<b>Handeling</b>: wat gebeurt er met de persoon? Denk aan "
                        "werven, vervoeren, onderdak geven of naar een andere plek "
                        "overbrengen.",
                        "<b>Dwangmiddel</b>: hoe wordt de persoon onder druk gezet? "
                        "Bijvoorbeeld met bedreiging, geweld, chantage, misleiding of "
                        "misbruik van een machtspositie.",
                        "<b>Uitbuiting</b>: wie verdient eraan? Een ander haalt geld of "
                        "ander voordeel uit het werk of de diensten van de persoon.",
                    )
                    + "<p>Zie je alle drie terug, dan is er een ernstig vermoeden van "
                    "mensenhandel. Of het juridisch zo is, bepalen politie en justitie. "
                    "Jouw taak is signaleren en doorverwijzen, niet bewijzen.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Dwang is vaak onzichtbaar",
                        "text": (
                            "<p>Dwang betekent niet altijd slaan of opsluiten. Vaak gaat "
                            "het subtieler: een vriend die liefde belooft, een schuld "
                            "die nooit kleiner wordt of de dreiging dat familie iets "
                            "overkomt. Daardoor zien veel slachtoffers zichzelf niet als "
                            "slachtoffer.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Sekswerk is werk",
                        "text": (
                            "<p>Veel sekswerkers kiezen zelf voor hun beroep en hebben "
                            "recht op respect en veilige werkomstandigheden. Waar we "
                            "tegen strijden is uitbuiting: werk onder dwang, waar een "
                            "ander van profiteert.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "The three elements of human trafficking",
            "intro": "In this lesson you learn which three building blocks make up "
            "human trafficking.",
            "body": [
                (
                    "definition",
                    {
                        "term": "Human trafficking",
                        "definition": (
                            "<p>Human trafficking is when someone <b>recruits, "
                            "transports, houses or receives</b> another person, uses a "
                            "<b>means of coercion</b> to do so, and does this in order "
                            "to <b>exploit</b> that person. If the victim is under 18, "
                            "no means of coercion is needed: the act with the aim of "
                            "exploitation is enough.</p>"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<h3>Three questions</h3>"
                    "<p>To find out whether trafficking may be involved, ask yourself "
                    "three questions:</p>"
                    + _ul(
                        "<b>Act</b>: what is happening to the person? Think of "
                        "recruiting, transporting, giving shelter or moving them to "
                        "another place.",
                        "<b>Means of coercion</b>: how is the person being pressured? "
                        "For example through threats, violence, blackmail, deception or "
                        "abuse of a position of power.",
                        "<b>Exploitation</b>: who profits? Someone else gains money or "
                        "other advantage from the person's work or services.",
                    )
                    + "<p>If you recognise all three, there is a serious suspicion of "
                    "trafficking. Whether it legally is trafficking is for the police "
                    "and the justice system to decide. Your task is to spot and refer, "
                    "not to prove.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Coercion is often invisible",
                        "text": (
                            "<p>Coercion does not always mean beating or locking "
                            "someone up. It is often more subtle: a boyfriend who "
                            "promises love, a debt that never gets smaller, or the "
                            "threat that something will happen to family. As a result, "
                            "many victims do not see themselves as victims.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Sex work is work",
                        "text": (
                            "<p>Many sex workers choose their profession themselves and "
                            "are entitled to respect and safe working conditions. What "
                            "we fight is exploitation: work under coercion that someone "
                            "else profits from.</p>"
                        ),
                    },
                ),
            ],
        },
    },
    # 2. The four forms -----------------------------------------------------
    {
        "slug": "vier-vormen",
        "minutes": 10,
        "nl": {
            "title": "Vier vormen van uitbuiting",
            "intro": "Je maakt kennis met de vier vormen van mensenhandel en met de "
            "gevolgen van criminele uitbuiting.",
            "body": [
                (
                    "paragraph",
                    "<p>Mensenhandel komt in allerlei sectoren voor. We onderscheiden "
                    "vier vormen:</p>"
                    + _ul(
                        "<b>Seksuele uitbuiting</b>: iemand wordt gedwongen tot "
                        "seksueel werk, bijvoorbeeld in de prostitutie of via online "
                        "platforms, terwijl een ander het geld opstrijkt.",
                        "<b>Criminele uitbuiting</b>: iemand moet voor een ander "
                        "strafbare feiten plegen, zoals drugs vervoeren, stelen of de "
                        "eigen bankrekening beschikbaar stellen.",
                        "<b>Arbeidsuitbuiting</b>: iemand werkt onder dwang en onder "
                        "zeer slechte omstandigheden, bijvoorbeeld in de tuinbouw, "
                        "schoonmaak, horeca of in een huishouden.",
                        "<b>Gedwongen orgaanverwijdering</b>: iemand wordt gedwongen of "
                        "misleid om een orgaan af te staan. Deze vorm is minder "
                        "zichtbaar, maar hoort wel bij de definitie.",
                    ),
                ),
                (
                    "paragraph",
                    "<h3>Gevolgen van criminele uitbuiting</h3>"
                    "<p>Criminele uitbuiting is lastig te herkennen, omdat het slachtoffer "
                    "zelf iets strafbaars doet. Dat heeft gevolgen:</p>"
                    + _ul(
                        "Slachtoffers durven niet te vertellen wat er speelt, uit angst "
                        "voor straf of voor de uitbuiter.",
                        "Anderen zien hen eerder als dader dan als slachtoffer.",
                        "Zo ontstaat dubbele victimisatie: eerst uitgebuit, daarna gestraft.",
                        "Zonder passende hulp is de kans groot dat het opnieuw gebeurt.",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Kijk verder dan het delict",
                        "text": (
                            "<p>Kom je een jongere tegen die steeds opnieuw met de "
                            "politie in aanraking komt? Vraag je dan af wie er beter "
                            "van wordt. Achter een zogenaamde dader kan een slachtoffer "
                            "schuilgaan.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Four forms of exploitation",
            "intro": "You get to know the four forms of human trafficking and the "
            "consequences of criminal exploitation.",
            "body": [
                (
                    "paragraph",
                    "<p>Human trafficking happens in many sectors. We distinguish four "
                    "forms:</p>"
                    + _ul(
                        "<b>Sexual exploitation</b>: someone is forced into sex work, "
                        "for instance in prostitution or via online platforms, while "
                        "someone else pockets the money.",
                        "<b>Criminal exploitation</b>: someone has to commit offences "
                        "for another person, such as carrying drugs, stealing or "
                        "lending out their own bank account.",
                        "<b>Labour exploitation</b>: someone works under coercion and in "
                        "very poor conditions, for example in horticulture, cleaning, "
                        "catering or in a household.",
                        "<b>Forced organ removal</b>: someone is forced or deceived into "
                        "giving up an organ. This form is less visible but is part of "
                        "the definition.",
                    ),
                ),
                (
                    "paragraph",
                    "<h3>Consequences of criminal exploitation</h3>"
                    "<p>Criminal exploitation is hard to recognise, because the victim "
                    "is committing offences themselves. This has consequences:</p>"
                    + _ul(
                        "Victims do not dare to say what is going on, out of fear of "
                        "punishment or of the exploiter.",
                        "Others see them as perpetrators rather than as victims.",
                        "This leads to double victimisation: first exploited, then punished.",
                        "Without the right help, there is a high risk it happens again.",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Look beyond the offence",
                        "text": (
                            "<p>Do you meet a young person who keeps coming into "
                            "contact with the police? Ask yourself who benefits. "
                            "Behind a so-called offender there may be a victim.</p>"
                        ),
                    },
                ),
            ],
        },
    },
    # 3. Risk factors and how victims come into view ------------------------
    {
        "slug": "risicofactoren",
        "minutes": 10,
        "nl": {
            "title": "Risicofactoren en hoe slachtoffers in beeld komen",
            "intro": "Je leert wie extra kwetsbaar is en langs welke wegen slachtoffers "
            "in beeld komen.",
            "body": [
                (
                    "paragraph",
                    "<h3>Risicofactoren</h3>"
                    "<p>Iedereen kan slachtoffer worden, maar sommige omstandigheden "
                    "maken iemand kwetsbaarder:</p>"
                    + _ul(
                        "eerder meegemaakt (seksueel) geweld",
                        "een licht verstandelijke beperking",
                        "een leeftijd tussen 12 en 24 jaar",
                        "opgroeien in een gezin met veel problemen of een gebroken gezin",
                        "een laag zelfbeeld",
                        "trauma of een verleden in de jeugdzorg",
                        "vluchteling zijn, zonder papieren leven of als arbeidsmigrant werken",
                        "lhbti+ zijn",
                        "schulden of een verslaving",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Een risico is nog geen signaal",
                        "text": (
                            "<p>Een risicofactor betekent niet dat er iets mis is. Het "
                            "betekent dat uitbuiters iemand makkelijker kunnen "
                            "benaderen. Hoe meer factoren samenkomen, hoe alerter je "
                            "bent.</p>"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<h3>Hoe slachtoffers in beeld komen</h3>"
                    "<p>Slachtoffers melden zich zelden zelf. Ze schamen zich, zijn "
                    "bang, zijn afhankelijk van de uitbuiter of zien zichzelf niet als "
                    "slachtoffer. Contact ontstaat daarom meestal via:</p>"
                    + _ul(
                        "bewustwording: iemand herkent na voorlichting de eigen situatie",
                        "signalen die anderen opmerken en doorgeven, zoals school, "
                        "buren of hulpverleners",
                        "veldwerk, zowel op straat als online",
                        "samenwerking met partnerorganisaties",
                    )
                    + "<p>Jij kunt dus degene zijn die het verschil maakt.</p>",
                ),
            ],
        },
        "en": {
            "title": "Risk factors and how victims come into view",
            "intro": "You learn who is particularly vulnerable and how victims come into view.",
            "body": [
                (
                    "paragraph",
                    "<h3>Risk factors</h3>"
                    "<p>Anyone can become a victim, but some circumstances make a "
                    "person more vulnerable:</p>"
                    + _ul(
                        "earlier experience of (sexual) violence",
                        "a mild intellectual disability",
                        "being between 12 and 24 years old",
                        "growing up in a family with many problems or a broken family",
                        "low self-esteem",
                        "trauma or a history in youth care",
                        "being a refugee, living without papers or working as a labour migrant",
                        "being LGBTI+",
                        "debts or an addiction",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "A risk is not yet a signal",
                        "text": (
                            "<p>A risk factor does not mean something is wrong. It "
                            "means exploiters can approach someone more easily. The "
                            "more factors come together, the more alert you are.</p>"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<h3>How victims come into view</h3>"
                    "<p>Victims rarely come forward themselves. They feel ashamed or "
                    "afraid, depend on the exploiter, or do not see themselves as "
                    "victims. Contact therefore usually comes about through:</p>"
                    + _ul(
                        "awareness: after an information session someone recognises "
                        "their own situation",
                        "signals that others notice and pass on, such as schools, "
                        "neighbours or care workers",
                        "fieldwork, both on the street and online",
                        "cooperation with partner organisations",
                    )
                    + "<p>So you may be the one who makes the difference.</p>",
                ),
            ],
        },
    },
    # 4. Signals: the checklist ---------------------------------------------
    {
        "slug": "signalen-herkennen",
        "minutes": 15,
        "nl": {
            "title": "Signalen dat iemand niet vrijwillig werkt",
            "intro": "Met een checklist oefen je het herkennen van signalen van gedwongen werk.",
            "body": [
                (
                    "paragraph",
                    "<p>Er bestaat geen los signaal dat mensenhandel bewijst. Wel zijn "
                    "er signalen die erop wijzen dat iemand niet uit vrije wil werkt. "
                    "Vaak zie je eerst één of twee; het beeld wordt vollediger naarmate "
                    "je iemand beter leert kennen. Gebruik de checklist om de signalen "
                    "te leren kennen, of denk aan een situatie waarover je twijfelt.</p>",
                ),
                (
                    "signals_checklist",
                    {
                        "title": "Checklist: werkt iemand tegen zijn of haar wil?",
                        "intro": "Vink de signalen aan die je herkent. Vul nergens "
                        "namen of andere persoonsgegevens in.",
                        "signals": [
                            "Wordt gedwongen om te werken",
                            "Wordt zelf bedreigd of gechanteerd, of de familie wordt bedreigd",
                            "Is jonger dan 18 jaar",
                            "Doet ander werk dan vooraf was beloofd",
                            "Wordt bedreigd met aangifte wegens illegaal verblijf",
                            "Kan niet bij het eigen paspoort of identiteitsbewijs",
                            "Moet het grootste deel van de verdiensten afstaan",
                            "Heeft een enorme schuld bij degene voor wie hij of zij werkt",
                            "Moet eerst een minimumbedrag verdienen voordat rust is toegestaan",
                            "Heeft niets te zeggen over eigen geld, werkplek of woonplek",
                            "Mag niet alleen reizen",
                            "Wordt gedwongen tot onveilige seks of tot bepaalde handelingen",
                            "Moet doorwerken tijdens ziekte of zwangerschap",
                            "Kan klanten niet weigeren",
                            "Maakt extreem lange werkdagen",
                        ],
                        "interpretations": [
                            {
                                "min_ticks": 0,
                                "message": "Je hebt geen signalen aangevinkt. Dat is "
                                "geruststellend, maar blijf alert: uitbuiting blijft vaak "
                                "lang verborgen en signalen kunnen later zichtbaar "
                                "worden.",
                            },
                            {
                                "min_ticks": 1,
                                "message": "Je herkent één of meer signalen. Neem ze "
                                "serieus: ga in gesprek met de persoon, bespreek je "
                                "zorgen met een collega of aandachtsfunctionaris en "
                                "volg de stappen van de meldcode.",
                            },
                            {
                                "min_ticks": 4,
                                "message": "Je herkent vier of meer signalen. Dat wijst "
                                "sterk op uitbuiting. Handel niet alleen: overleg met "
                                "CoMensha of de politie over de volgende stap en spreek "
                                "een mogelijke uitbuiter nooit zelf aan.",
                            },
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Veiligheid eerst",
                        "text": (
                            "<p>Beloof geen geheimhouding die je niet kunt waarmaken en "
                            "confronteer nooit zelf een mogelijke uitbuiter. Dat kan het "
                            "slachtoffer en jou in gevaar brengen. Is er acuut gevaar, "
                            "bel dan 112.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Signs that someone is not working voluntarily",
            "intro": "With a checklist you practise recognising signs of forced work.",
            "body": [
                (
                    "paragraph",
                    "<p>No single signal proves human trafficking. But some signals "
                    "suggest that someone is not working of their own free will. Often "
                    "you notice one or two first; the picture becomes clearer as you "
                    "get to know someone better. Use the checklist to learn the signals, "
                    "or think of a situation you have doubts about.</p>",
                ),
                (
                    "signals_checklist",
                    {
                        "title": "Checklist: is someone working against their will?",
                        "intro": "Tick the signals you recognise. Never enter names or "
                        "other personal details anywhere.",
                        "signals": [
                            "Is forced to work",
                            "Is threatened or blackmailed, or their family is threatened",
                            "Is under 18 years of age",
                            "Does different work than was promised beforehand",
                            "Is threatened with being reported to the authorities for illegal stay",
                            "Cannot get hold of their own passport or ID",
                            "Has to hand over most of what they earn",
                            "Owes a huge debt to the person they work for",
                            "Has to earn a minimum amount before being allowed to rest",
                            "Has no say over their own money, where they work or where they live",
                            "Is not allowed to travel alone",
                            "Is forced into unsafe sex or into specific acts",
                            "Has to keep working when ill or pregnant",
                            "Cannot turn clients down",
                            "Works extremely long hours",
                        ],
                        "interpretations": [
                            {
                                "min_ticks": 0,
                                "message": "You did not tick any signals. That is "
                                "reassuring, but stay alert: exploitation often stays "
                                "hidden for a long time and signals may show up later.",
                            },
                            {
                                "min_ticks": 1,
                                "message": "You recognise one or more signals. Take "
                                "them seriously: talk with the person, discuss your "
                                "concerns with a colleague or the designated officer, and "
                                "follow the steps of the reporting code (meldcode).",
                            },
                            {
                                "min_ticks": 4,
                                "message": "You recognise four or more signals. That "
                                "strongly points to exploitation. Do not act alone: "
                                "consult CoMensha or the police about the next step, and "
                                "never approach a possible exploiter yourself.",
                            },
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "title": "Safety first",
                        "text": (
                            "<p>Do not promise secrecy you cannot keep, and never "
                            "confront a possible exploiter yourself. That can put the "
                            "victim and you at risk. If there is immediate danger, "
                            "call 112.</p>"
                        ),
                    },
                ),
            ],
        },
    },
    # 5. The Instagram case -------------------------------------------------
    {
        "slug": "casus-instagram",
        "minutes": 15,
        "nl": {
            "title": "Casus: contact via Instagram",
            "intro": "Je bespreekt een verzonnen casus over een meisje dat via social "
            "media wordt uitgebuit.",
            "body": [
                (
                    "paragraph",
                    "<p>De casus hieronder is verzonnen en anoniem, maar lijkt op "
                    "situaties die in de praktijk voorkomen. Lees hem, denk na over de "
                    "vragen en vergelijk je antwoorden daarna met het modelantwoord.</p>",
                ),
                (
                    "case",
                    {
                        "title": "Een meisje van 17 en een contact op Instagram",
                        "situation": (
                            "<p>Een meisje van 17 raakt op Instagram in gesprek met "
                            "iemand die aardig en attent lijkt. Na een tijdje spreken ze "
                            "af. Bij hun tweede afspraak wordt ze gefilmd. Kort daarna "
                            "dreigt hij de beelden te verspreiden als zij niet doet wat "
                            "hij zegt: in een hotel afspreken met mannen die voor seks "
                            "betalen. Het geld gaat naar hem.</p>"
                            "<p>Op school maken ze zich zorgen over haar. De school neemt "
                            "contact op met het expertisecentrum.</p>"
                        ),
                        "questions": [
                            "Welke drie elementen van mensenhandel herken je in deze casus?",
                            "Welke signalen kan een school opmerken, en wat blijft juist "
                            "verborgen?",
                            "Wat zou jij doen als mentor, en met wie overleg je?",
                            "Waarom is het belangrijk dat het meisje niet als schuldige "
                            "wordt behandeld?",
                        ],
                        "model_answer": (
                            "<p><b>Elementen:</b> de handeling is het werven via "
                            "Instagram en het regelen van afspraken in een hotel; het "
                            "dwangmiddel is chantage met de beelden; de uitbuiting is "
                            "dat hij aan haar verdient. Omdat ze 17 is, is een "
                            "dwangmiddel juridisch niet eens nodig.</p>"
                            "<p><b>Signalen:</b> denk aan verzuim, vermoeidheid, nieuwe "
                            "spullen of geheimzinnig telefoongebruik. De chantage zelf "
                            "zie je meestal niet; schaamte en angst houden haar stil.</p>"
                            "<p><b>Handelen:</b> de school deed het goed door de zorgen "
                            "serieus te nemen en een gespecialiseerde organisatie in te "
                            "schakelen, in lijn met de meldcode. Het expertisecentrum "
                            "sprak met het meisje en betrok de afdeling mensenhandel van "
                            "de politie. Ze verblijft nu op een veilige plek.</p>"
                            "<p><b>Houding:</b> een oordeelloze houding maakt praten "
                            "makkelijker. De verantwoordelijkheid ligt volledig bij de "
                            "uitbuiter.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Vraag, oordeel niet",
                        "text": (
                            "<p>Begin een gesprek met wat je ziet, niet met wat je "
                            "vermoedt. Bijvoorbeeld: ik zie dat je vaak moe bent, hoe "
                            "gaat het met je? Bespreek je zorgen daarna altijd met een "
                            "collega.</p>"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "Case: contact via Instagram",
            "intro": "You discuss a fictional case about a girl who is exploited via social media.",
            "body": [
                (
                    "paragraph",
                    "<p>The case below is fictional and anonymous, but resembles "
                    "situations that occur in practice. Read it, think about the "
                    "questions and then compare your answers with the model answer.</p>",
                ),
                (
                    "case",
                    {
                        "title": "A 17-year-old girl and a contact on Instagram",
                        "situation": (
                            "<p>A 17-year-old girl starts chatting on Instagram with "
                            "someone who seems kind and attentive. After a while they "
                            "meet. At their second meeting she is filmed. Soon after, he "
                            "threatens to share the footage unless she does what he "
                            "says: meet men in a hotel who pay for sex. The money goes "
                            "to him.</p>"
                            "<p>Her school becomes worried about her and contacts the "
                            "expertise centre.</p>"
                        ),
                        "questions": [
                            "Which three elements of human trafficking do you recognise "
                            "in this case?",
                            "Which signals might a school notice, and what stays hidden?",
                            "What would you do as a mentor, and whom would you consult?",
                            "Why is it important that the girl is not treated as the one to blame?",
                        ],
                        "model_answer": (
                            "<p><b>Elements:</b> the act is recruiting her via "
                            "Instagram and arranging meetings in a hotel; the means of "
                            "coercion is blackmail with the footage; the exploitation "
                            "is that he earns money from her. Because she is 17, a "
                            "means of coercion is legally not even required.</p>"
                            "<p><b>Signals:</b> think of absence from school, "
                            "tiredness, new possessions or secretive phone use. The "
                            "blackmail itself is usually invisible; shame and fear keep "
                            "her silent.</p>"
                            "<p><b>Action:</b> the school did well by taking its "
                            "concerns seriously and involving a specialised "
                            "organisation, in line with the reporting code. The "
                            "expertise centre talked with the girl and involved the "
                            "police's trafficking unit. She is now in a safe place.</p>"
                            "<p><b>Attitude:</b> a non-judgemental attitude makes it "
                            "easier to talk. The responsibility lies entirely with the "
                            "exploiter.</p>"
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "title": "Ask, don't judge",
                        "text": (
                            "<p>Start a conversation with what you see, not with what "
                            "you suspect. For example: I notice you are often tired, "
                            "how are you doing? Always discuss your concerns with a "
                            "colleague afterwards.</p>"
                        ),
                    },
                ),
            ],
        },
    },
    # 6. Rights of migrant victims and where to get help --------------------
    {
        "slug": "rechten-en-hulp",
        "minutes": 10,
        "nl": {
            "title": "Rechten van slachtoffers en waar je hulp vindt",
            "intro": "Je leert welke rechten migranten hebben die slachtoffer zijn van "
            "mensenhandel, en waar je terechtkunt.",
            "body": [
                (
                    "paragraph",
                    "<p>Slachtoffers zonder Nederlands verblijfsrecht zijn vaak bang om "
                    "uitgezet te worden en zoeken daarom geen hulp. De "
                    "<b>B8-regeling</b> biedt hun bescherming:</p>"
                    + _ul(
                        "<b>Bedenktijd van drie maanden</b>: in die tijd wordt iemand "
                        "niet uitgezet en kan diegene rustig nadenken over het doen van "
                        "aangifte.",
                        "<b>Tijdelijke verblijfsvergunning</b> voor wie aangifte doet of "
                        "meewerkt aan het strafrechtelijk onderzoek.",
                        "<b>Opvang, een uitkering en medische zorg.</b>",
                        "<b>Het recht om te werken</b> zolang de tijdelijke "
                        "verblijfsvergunning geldt.",
                    )
                    + "<p>Vermoed je dat een migrant wordt uitgebuit, informeer diegene "
                    "dan over deze rechten en verwijs door. Of iemand aangifte doet, "
                    "beslist het slachtoffer zelf; jij hoeft niets te bewijzen.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Vertel over de bedenktijd",
                        "text": (
                            "<p>Veel slachtoffers kennen hun rechten niet. De bedenktijd "
                            "geeft ruimte om op adem te komen, zonder meteen te hoeven "
                            "beslissen over aangifte. CoMensha denkt met je mee over "
                            "opvang en vervolgstappen.</p>"
                        ),
                    },
                ),
                (
                    "help_contacts",
                    {
                        "heading": "Hier vind je hulp",
                        "intro": "Twijfel je of wil je overleggen? Deze organisaties "
                        "staan klaar voor professionals, slachtoffers en jongeren. "
                        "Sommige kun je ook anoniem bereiken.",
                    },
                ),
            ],
        },
        "en": {
            "title": "Rights of victims and where to find help",
            "intro": "You learn which rights migrant victims of human trafficking have, "
            "and where to turn for help.",
            "body": [
                (
                    "paragraph",
                    "<p>Victims without a Dutch residence right are often afraid of "
                    "being deported and therefore do not seek help. The "
                    "<b>B8 scheme</b> protects them:</p>"
                    + _ul(
                        "<b>A three-month reflection period</b>: during this time the "
                        "person is not deported and can calmly consider whether to "
                        "report the crime.",
                        "<b>A temporary residence permit</b> for those who report or "
                        "cooperate with the criminal investigation.",
                        "<b>Accommodation, benefits and medical care.</b>",
                        "<b>The right to work</b> while the temporary residence permit is valid.",
                    )
                    + "<p>If you suspect a migrant is being exploited, tell them about "
                    "these rights and refer them on. Whether to report is the victim's "
                    "own decision; you do not have to prove anything.</p>",
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Tell them about the reflection period",
                        "text": (
                            "<p>Many victims do not know their rights. The reflection "
                            "period gives them room to catch their breath without "
                            "having to decide straight away about reporting. CoMensha "
                            "can help you think about accommodation and next steps.</p>"
                        ),
                    },
                ),
                (
                    "help_contacts",
                    {
                        "heading": "Where to find help",
                        "intro": "In doubt, or want to consult someone? These "
                        "organisations are there for professionals, victims and young "
                        "people. Some can also be contacted anonymously.",
                    },
                ),
            ],
        },
    },
]


# ---------------------------------------------------------------------------
# Session plans (for trainers only)
# ---------------------------------------------------------------------------


SESSION_PLANS = {
    "girls-talk": [
        {
            "slug": "bijeenkomst-1",
            "number": 1,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 1: Kennismaken en groepsafspraken",
                "goals": _ul(
                    "De deelnemers leren elkaar en de trainers kennen.",
                    "De groep maakt samen afspraken over veiligheid en vertrouwen.",
                    "De deelnemers weten wat ze van de negen bijeenkomsten kunnen verwachten.",
                ),
                "materials": _ul(
                    "Flip-over en stiften",
                    "Kaartjes met kennismakingsvragen",
                    "Overzicht van de negen thema's",
                ),
                "activities": [
                    {
                        "title": "Welkom en kennismaken",
                        "minutes": 20,
                        "description": "<p>De trainers stellen zich voor. In tweetallen "
                        "stellen de meiden elkaar vragen van de kaartjes en vertellen daarna "
                        "iets over elkaar aan de groep.</p>",
                    },
                    {
                        "title": "Groepsafspraken",
                        "minutes": 25,
                        "description": "<p>Maak samen afspraken, zoals: wat hier gezegd "
                        "wordt, blijft hier, en niemand hoeft iets te delen wat ze niet wil. "
                        "Leg uit dat trainers wel in actie komen als iemands veiligheid in "
                        "gevaar is.</p>",
                    },
                    {
                        "title": "Wat verwacht je?",
                        "minutes": 30,
                        "description": "<p>Bespreek de thema's van de komende bijeenkomsten. "
                        "De meiden schrijven anoniem op wat ze willen leren of bespreken.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 15,
                        "description": "<p>Iedereen zegt in één woord hoe ze de eerste "
                        "bijeenkomst vond.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 1: Getting to know each other and group rules",
                "goals": _ul(
                    "Participants get to know each other and the trainers.",
                    "The group agrees on rules about safety and trust.",
                    "Participants know what to expect from the nine meetings.",
                ),
                "materials": _ul(
                    "Flip chart and markers",
                    "Cards with getting-to-know-you questions",
                    "Overview of the nine themes",
                ),
                "activities": [
                    {
                        "title": "Welcome and introductions",
                        "minutes": 20,
                        "description": "<p>The trainers introduce themselves. In pairs, the "
                        "girls ask each other questions from the cards and then tell the "
                        "group something about each other.</p>",
                    },
                    {
                        "title": "Group rules",
                        "minutes": 25,
                        "description": "<p>Agree on rules together, such as: what is said "
                        "here stays here, and nobody has to share anything they don't want "
                        "to. Explain that trainers will act if someone's safety is at "
                        "risk.</p>",
                    },
                    {
                        "title": "What do you expect?",
                        "minutes": 30,
                        "description": "<p>Discuss the themes of the coming meetings. The "
                        "girls write down anonymously what they want to learn or talk "
                        "about.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 15,
                        "description": "<p>Everyone says in one word how they found the first "
                        "meeting.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-2",
            "number": 2,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 2: Zelfbeeld",
                "goals": _ul(
                    "De deelnemers staan stil bij hoe ze naar zichzelf kijken.",
                    "Ze ontdekken en benoemen hun eigen kwaliteiten.",
                    "Ze zien hoe social media en anderen hun zelfbeeld beïnvloeden.",
                ),
                "materials": _ul(
                    "Tijdschriften, scharen en lijm",
                    "Kwaliteitenkaartjes",
                    "Voorbeelden van bewerkte foto's",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde: hoe gaat het, en is er iets blijven "
                        "hangen van vorige keer?</p>",
                    },
                    {
                        "title": "Kwaliteitenspel",
                        "minutes": 25,
                        "description": "<p>De meiden kiezen kaartjes met kwaliteiten die bij "
                        "zichzelf passen en geven elkaar een kwaliteit cadeau.</p>",
                    },
                    {
                        "title": "Echt of bewerkt?",
                        "minutes": 25,
                        "description": "<p>Bekijk samen foto's en raad welke zijn bewerkt. "
                        "Bespreek wat zulke beelden met je zelfbeeld doen.</p>",
                    },
                    {
                        "title": "Collage: wie ben ik?",
                        "minutes": 20,
                        "description": "<p>Iedereen maakt een collage over zichzelf. Wie wil, "
                        "vertelt er iets over.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Iedereen noemt één ding waar ze trots op is.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 2: Self-image",
                "goals": _ul(
                    "Participants reflect on how they see themselves.",
                    "They discover and name their own qualities.",
                    "They see how social media and others influence their self-image.",
                ),
                "materials": _ul(
                    "Magazines, scissors and glue",
                    "Cards with qualities",
                    "Examples of edited photos",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round: how are you, and did anything stay "
                        "with you from last time?</p>",
                    },
                    {
                        "title": "Qualities game",
                        "minutes": 25,
                        "description": "<p>The girls choose cards with qualities that suit "
                        "them and give each other a quality as a gift.</p>",
                    },
                    {
                        "title": "Real or edited?",
                        "minutes": 25,
                        "description": "<p>Look at photos together and guess which ones are "
                        "edited. Discuss what such images do to your self-image.</p>",
                    },
                    {
                        "title": "Collage: who am I?",
                        "minutes": 20,
                        "description": "<p>Everyone makes a collage about themselves. Those "
                        "who want to can say something about it.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Everyone names one thing they are proud of.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-3",
            "number": 3,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 3: Grenzen",
                "goals": _ul(
                    "De deelnemers voelen en benoemen hun eigen grenzen.",
                    "Ze oefenen met duidelijk nee zeggen.",
                    "Ze leren de grenzen van anderen herkennen en respecteren.",
                ),
                "materials": _ul(
                    "Stellingenkaarten",
                    "Tape voor een lijn op de vloer",
                    "Rollenspelkaarten",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Stopoefening",
                        "minutes": 20,
                        "description": "<p>Twee meiden lopen langzaam naar elkaar toe; de "
                        "een zegt stop zodra het te dichtbij voelt. Bespreek hoe je een grens "
                        "in je lijf merkt.</p>",
                    },
                    {
                        "title": "Stellingen op de lijn",
                        "minutes": 25,
                        "description": "<p>Lees stellingen voor over grenzen; de meiden "
                        "kiezen een plek op de lijn tussen eens en oneens en lichten toe.</p>",
                    },
                    {
                        "title": "Rollenspel: nee zeggen",
                        "minutes": 25,
                        "description": "<p>In kleine groepjes oefenen de meiden met situaties "
                        "waarin ze nee willen zeggen, met woorden en met houding.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Iedereen noemt één grens die ze belangrijk vindt.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 3: Boundaries",
                "goals": _ul(
                    "Participants feel and name their own boundaries.",
                    "They practise saying a clear no.",
                    "They learn to recognise and respect other people's boundaries.",
                ),
                "materials": _ul(
                    "Statement cards",
                    "Tape for a line on the floor",
                    "Role-play cards",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Stop exercise",
                        "minutes": 20,
                        "description": "<p>Two girls slowly walk towards each other; one says "
                        "stop as soon as it feels too close. Discuss how you notice a "
                        "boundary in your body.</p>",
                    },
                    {
                        "title": "Statements on the line",
                        "minutes": 25,
                        "description": "<p>Read out statements about boundaries; the girls "
                        "choose a spot on the line between agree and disagree and explain "
                        "why.</p>",
                    },
                    {
                        "title": "Role play: saying no",
                        "minutes": 25,
                        "description": "<p>In small groups the girls practise situations in "
                        "which they want to say no, with words and with body language.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Everyone names one boundary that matters to them.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-4",
            "number": 4,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 4: Relaties",
                "goals": _ul(
                    "De deelnemers bespreken wat een gezonde relatie is.",
                    "Ze herkennen signalen van controle en jaloezie.",
                    "Ze weten wat ze kunnen doen als een relatie niet goed voelt.",
                ),
                "materials": _ul(
                    "Kaartjes met relatiesituaties",
                    "Flip-over met de kleuren groen, oranje en rood",
                    "Een kort verhaal of filmfragment over een relatie",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Groen, oranje, rood",
                        "minutes": 30,
                        "description": "<p>De meiden delen situaties in: gezond, twijfel of "
                        "niet oké. Bespreek waar de meningen verschillen.</p>",
                    },
                    {
                        "title": "Verhaal bespreken",
                        "minutes": 25,
                        "description": "<p>Lees of bekijk een verhaal over een relatie die "
                        "steeds controlerender wordt. Wanneer had jij je zorgen gemaakt?</p>",
                    },
                    {
                        "title": "Wat heb jij nodig?",
                        "minutes": 15,
                        "description": "<p>Iedereen schrijft voor zichzelf op wat ze in een "
                        "relatie belangrijk vindt.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Vraag wat de meiden meenemen van vandaag.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 4: Relationships",
                "goals": _ul(
                    "Participants discuss what a healthy relationship is.",
                    "They recognise signs of control and jealousy.",
                    "They know what they can do if a relationship does not feel right.",
                ),
                "materials": _ul(
                    "Cards with relationship situations",
                    "Flip chart with the colours green, orange and red",
                    "A short story or film clip about a relationship",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Green, orange, red",
                        "minutes": 30,
                        "description": "<p>The girls sort situations into healthy, doubtful "
                        "or not okay. Discuss where opinions differ.</p>",
                    },
                    {
                        "title": "Discussing a story",
                        "minutes": 25,
                        "description": "<p>Read or watch a story about a relationship that "
                        "becomes more and more controlling. When would you have been "
                        "worried?</p>",
                    },
                    {
                        "title": "What do you need?",
                        "minutes": 15,
                        "description": "<p>Everyone writes down for themselves what they find "
                        "important in a relationship.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Ask what the girls take away from today.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-5",
            "number": 5,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 5: Seksualiteit en instemming",
                "goals": _ul(
                    "De deelnemers praten in een veilige sfeer over seksualiteit.",
                    "Ze begrijpen wat instemming (consent) betekent.",
                    "Ze weten dat instemming vrijwillig is en altijd ingetrokken mag worden.",
                ),
                "materials": _ul(
                    "Anonieme vragenbox",
                    "Stellingen over instemming",
                    "Informatiekaarten over seksuele gezondheid",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde; herhaal de groepsafspraken.</p>",
                    },
                    {
                        "title": "Anonieme vragenbox",
                        "minutes": 25,
                        "description": "<p>De meiden stoppen anoniem vragen in de box; de "
                        "trainers beantwoorden ze open en zonder oordeel.</p>",
                    },
                    {
                        "title": "Wat is instemming?",
                        "minutes": 25,
                        "description": "<p>Bespreek samen wat echte instemming is: vrijwillig, "
                        "duidelijk en op elk moment in te trekken.</p>",
                    },
                    {
                        "title": "Situaties bespreken",
                        "minutes": 20,
                        "description": "<p>Bespreek korte situaties: is hier sprake van "
                        "instemming, en hoe weet je dat?</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Wijs op de informatiekaarten en op waar je met "
                        "vragen terechtkunt.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 5: Sexuality and consent",
                "goals": _ul(
                    "Participants talk about sexuality in a safe atmosphere.",
                    "They understand what consent means.",
                    "They know that consent is voluntary and can always be withdrawn.",
                ),
                "materials": _ul(
                    "Anonymous question box",
                    "Statements about consent",
                    "Information cards on sexual health",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round; repeat the group rules.</p>",
                    },
                    {
                        "title": "Anonymous question box",
                        "minutes": 25,
                        "description": "<p>The girls put questions in the box anonymously; "
                        "the trainers answer them openly and without judgement.</p>",
                    },
                    {
                        "title": "What is consent?",
                        "minutes": 25,
                        "description": "<p>Discuss together what real consent is: voluntary, "
                        "clear and possible to withdraw at any moment.</p>",
                    },
                    {
                        "title": "Discussing situations",
                        "minutes": 20,
                        "description": "<p>Discuss short situations: is there consent here, "
                        "and how do you know?</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Point out the information cards and where to go "
                        "with questions.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-6",
            "number": 6,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 6: Online veiligheid en sexting",
                "goals": _ul(
                    "De deelnemers kennen de risico's van sexting en het delen van beelden.",
                    "Ze weten wat shaming en sextortion zijn.",
                    "Ze weten wat ze kunnen doen als beelden worden rondgestuurd.",
                ),
                "materials": _ul(
                    "Voorbeelden van echte en nepprofielen",
                    "Casuskaarten",
                    "Stappenplan bij ongewenst verspreide beelden",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Echt of nep?",
                        "minutes": 20,
                        "description": "<p>De meiden bekijken profielen en bespreken hoe je "
                        "een nepprofiel herkent.</p>",
                    },
                    {
                        "title": "Sexting: wanneer gaat het mis?",
                        "minutes": 25,
                        "description": "<p>Bespreek wanneer sexting oké kan voelen en wanneer "
                        "het misgaat, bijvoorbeeld als beelden zonder toestemming worden "
                        "doorgestuurd. De schuld ligt dan bij wie ze verspreidt.</p>",
                    },
                    {
                        "title": "Casus sextortion",
                        "minutes": 25,
                        "description": "<p>Bespreek een casus waarin iemand met beelden wordt "
                        "afgeperst. Loop samen het stappenplan door.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Iedereen noemt één tip voor online veiligheid.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 6: Online safety and sexting",
                "goals": _ul(
                    "Participants know the risks of sexting and sharing images.",
                    "They know what shaming and sextortion are.",
                    "They know what to do if images are being passed around.",
                ),
                "materials": _ul(
                    "Examples of real and fake profiles",
                    "Case cards",
                    "Step-by-step plan for images shared without consent",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Real or fake?",
                        "minutes": 20,
                        "description": "<p>The girls look at profiles and discuss how to "
                        "recognise a fake one.</p>",
                    },
                    {
                        "title": "Sexting: when does it go wrong?",
                        "minutes": 25,
                        "description": "<p>Discuss when sexting can feel fine and when it "
                        "goes wrong, for example when images are forwarded without consent. "
                        "The blame then lies with whoever shares them.</p>",
                    },
                    {
                        "title": "Sextortion case",
                        "minutes": 25,
                        "description": "<p>Discuss a case in which someone is blackmailed "
                        "with images. Go through the step-by-step plan together.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Everyone names one tip for staying safe online.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-7",
            "number": 7,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 7: Loverboys en jeugdprostitutie",
                "goals": _ul(
                    "De deelnemers weten hoe een loverboy te werk gaat.",
                    "Ze herkennen signalen van ronselen, online en offline.",
                    "Ze weten dat het nooit hun schuld is als iemand hen uitbuit.",
                ),
                "materials": _ul(
                    "Verhaal of film over een loverboy",
                    "Kaartjes met fases: contact, verliefdheid, afhankelijkheid, uitbuiting",
                    "Informatie over de situatie in de eigen regio",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde; kondig aan dat het thema heftig kan "
                        "zijn en dat je even weg mag als het te veel wordt.</p>",
                    },
                    {
                        "title": "Verhaal bekijken",
                        "minutes": 20,
                        "description": "<p>Bekijk of lees een verhaal over een meisje dat door "
                        "een loverboy wordt ingepalmd.</p>",
                    },
                    {
                        "title": "Fases op volgorde",
                        "minutes": 25,
                        "description": "<p>De meiden leggen de fasekaartjes op volgorde en "
                        "bespreken per fase welke signalen je kunt zien.</p>",
                    },
                    {
                        "title": "In onze regio",
                        "minutes": 25,
                        "description": "<p>Vertel hoe ronselen in de eigen regio gaat, "
                        "bijvoorbeeld via social media of op hangplekken, en vraag wat de "
                        "meiden zelf zien.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Benadruk dat de schuld altijd bij de uitbuiter ligt "
                        "en dat de trainers na afloop beschikbaar zijn.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 7: Loverboys and youth prostitution",
                "goals": _ul(
                    "Participants know how a loverboy operates.",
                    "They recognise signs of recruitment, online and offline.",
                    "They know it is never their fault if someone exploits them.",
                ),
                "materials": _ul(
                    "Story or film about a loverboy",
                    "Cards with stages: contact, infatuation, dependence, exploitation",
                    "Information about the situation in the local region",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round; mention that the theme can be intense "
                        "and that anyone may step out for a moment if it gets too much.</p>",
                    },
                    {
                        "title": "Watching a story",
                        "minutes": 20,
                        "description": "<p>Watch or read a story about a girl who is drawn in "
                        "by a loverboy.</p>",
                    },
                    {
                        "title": "Putting the stages in order",
                        "minutes": 25,
                        "description": "<p>The girls put the stage cards in order and discuss "
                        "which signals you can see at each stage.</p>",
                    },
                    {
                        "title": "In our region",
                        "minutes": 25,
                        "description": "<p>Explain how recruitment happens locally, for "
                        "example via social media or at places where young people hang out, "
                        "and ask what the girls see themselves.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Stress that the blame always lies with the "
                        "exploiter and that the trainers are available afterwards.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-8",
            "number": 8,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 8: Hulp in de buurt",
                "goals": _ul(
                    "De deelnemers weten waar ze in hun eigen stad of wijk terechtkunnen.",
                    "Ze oefenen met hulp vragen.",
                    "Ze weten dat ze anoniem kunnen chatten met een professional.",
                ),
                "materials": _ul(
                    "Plattegrond van de wijk of stad",
                    "Folders en kaartjes van lokale hulp",
                    "Telefoon of laptop om de anonieme chat te laten zien",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Hulpkaart maken",
                        "minutes": 25,
                        "description": "<p>Zet samen op de plattegrond waar je terechtkunt: "
                        "wijkteam, huisarts, school, jongerenwerk en het expertisecentrum.</p>",
                    },
                    {
                        "title": "Hulp vragen oefenen",
                        "minutes": 25,
                        "description": "<p>Oefen in tweetallen hoe je een eerste gesprek of "
                        "chat begint. Laat zien hoe de anonieme chat werkt.</p>",
                    },
                    {
                        "title": "Mijn vertrouwenspersoon",
                        "minutes": 20,
                        "description": "<p>Iedereen bedenkt voor zichzelf, zonder het te "
                        "delen, bij wie ze terechtkan als er iets is.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Deel de kaartjes met hulplijnen uit.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 8: Help nearby",
                "goals": _ul(
                    "Participants know where to go in their own city or neighbourhood.",
                    "They practise asking for help.",
                    "They know they can chat anonymously with a professional.",
                ),
                "materials": _ul(
                    "Map of the neighbourhood or city",
                    "Leaflets and cards from local services",
                    "Phone or laptop to show the anonymous chat",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Making a help map",
                        "minutes": 25,
                        "description": "<p>Mark on the map together where to go: the "
                        "neighbourhood team, GP, school, youth work and the expertise "
                        "centre.</p>",
                    },
                    {
                        "title": "Practising asking for help",
                        "minutes": 25,
                        "description": "<p>In pairs, practise how to start a first "
                        "conversation or chat. Show how the anonymous chat works.</p>",
                    },
                    {
                        "title": "My person of trust",
                        "minutes": 20,
                        "description": "<p>Everyone thinks for themselves, without sharing "
                        "it, about whom they can turn to when something is wrong.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Hand out the cards with help lines.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-9",
            "number": 9,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 9: Afsluiten en terugkijken",
                "goals": _ul(
                    "De deelnemers kijken terug op wat ze hebben geleerd.",
                    "Ze benoemen wat ze meenemen naar de toekomst.",
                    "De groep sluit het traject positief af.",
                ),
                "materials": _ul(
                    "Werk uit eerdere bijeenkomsten, zoals de collages",
                    "Papier en enveloppen",
                    "Anoniem evaluatieformulier",
                    "Iets lekkers",
                ),
                "activities": [
                    {
                        "title": "Terugblik",
                        "minutes": 25,
                        "description": "<p>Loop samen de negen thema's langs. Wat is "
                        "bijgebleven, wat was lastig?</p>",
                    },
                    {
                        "title": "Brief aan jezelf",
                        "minutes": 20,
                        "description": "<p>Iedereen schrijft een brief aan zichzelf over wat "
                        "ze wil onthouden. De brief gaat mee naar huis.</p>",
                    },
                    {
                        "title": "Evaluatie",
                        "minutes": 20,
                        "description": "<p>De meiden vullen anoniem het evaluatieformulier in "
                        "en geven tips voor een volgende groep.</p>",
                    },
                    {
                        "title": "Afscheid",
                        "minutes": 25,
                        "description": "<p>Complimentenronde en samen iets lekkers eten. "
                        "Herinner aan de hulplijnen.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 9: Closing and looking back",
                "goals": _ul(
                    "Participants look back on what they have learned.",
                    "They name what they take with them into the future.",
                    "The group ends the programme on a positive note.",
                ),
                "materials": _ul(
                    "Work from earlier meetings, such as the collages",
                    "Paper and envelopes",
                    "Anonymous evaluation form",
                    "Something tasty",
                ),
                "activities": [
                    {
                        "title": "Looking back",
                        "minutes": 25,
                        "description": "<p>Go through the nine themes together. What stuck, "
                        "what was difficult?</p>",
                    },
                    {
                        "title": "Letter to yourself",
                        "minutes": 20,
                        "description": "<p>Everyone writes a letter to themselves about what "
                        "they want to remember. The letter goes home with them.</p>",
                    },
                    {
                        "title": "Evaluation",
                        "minutes": 20,
                        "description": "<p>The girls fill in the evaluation form anonymously "
                        "and give tips for a next group.</p>",
                    },
                    {
                        "title": "Goodbye",
                        "minutes": 25,
                        "description": "<p>Round of compliments and something tasty together. "
                        "Remind everyone of the help lines.</p>",
                    },
                ],
            },
        },
    ],
    "make-a-move": [
        {
            "slug": "bijeenkomst-1",
            "number": 1,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 1: Kennismaken en groepsafspraken",
                "goals": _ul(
                    "De deelnemers leren elkaar en de trainers kennen.",
                    "De groep maakt samen afspraken over respect en vertrouwen.",
                    "De deelnemers weten wat ze van de negen bijeenkomsten kunnen verwachten.",
                ),
                "materials": _ul(
                    "Flip-over en stiften",
                    "Een bal voor het kennismakingsspel",
                    "Overzicht van de negen thema's",
                ),
                "activities": [
                    {
                        "title": "Welkom en kennismaken",
                        "minutes": 20,
                        "description": "<p>De trainers stellen zich voor. Met een balspel "
                        "vertellen de jongens om de beurt iets over zichzelf.</p>",
                    },
                    {
                        "title": "Groepsafspraken",
                        "minutes": 25,
                        "description": "<p>Maak samen afspraken, zoals: we lachen elkaar niet "
                        "uit, wat hier gezegd wordt blijft hier. Leg uit dat trainers in "
                        "actie komen als iemands veiligheid in gevaar is.</p>",
                    },
                    {
                        "title": "Wat verwacht je?",
                        "minutes": 30,
                        "description": "<p>Bespreek de thema's. De jongens schrijven anoniem "
                        "op waar ze het graag over willen hebben.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 15,
                        "description": "<p>Iedereen geeft de bijeenkomst een cijfer en zegt "
                        "waarom.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 1: Getting to know each other and group rules",
                "goals": _ul(
                    "Participants get to know each other and the trainers.",
                    "The group agrees on rules about respect and trust.",
                    "Participants know what to expect from the nine meetings.",
                ),
                "materials": _ul(
                    "Flip chart and markers",
                    "A ball for the introduction game",
                    "Overview of the nine themes",
                ),
                "activities": [
                    {
                        "title": "Welcome and introductions",
                        "minutes": 20,
                        "description": "<p>The trainers introduce themselves. In a ball game "
                        "the boys take turns saying something about themselves.</p>",
                    },
                    {
                        "title": "Group rules",
                        "minutes": 25,
                        "description": "<p>Agree on rules together, such as: we don't laugh "
                        "at each other, what is said here stays here. Explain that trainers "
                        "will act if someone's safety is at risk.</p>",
                    },
                    {
                        "title": "What do you expect?",
                        "minutes": 30,
                        "description": "<p>Discuss the themes. The boys write down "
                        "anonymously what they would like to talk about.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 15,
                        "description": "<p>Everyone gives the meeting a score and says why.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-2",
            "number": 2,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 2: Mannelijkheid en zelfbeeld",
                "goals": _ul(
                    "De deelnemers onderzoeken beelden van mannelijkheid.",
                    "Ze zien welke druk die beelden kunnen geven.",
                    "Ze benoemen hun eigen kwaliteiten.",
                ),
                "materials": _ul(
                    "Fragmenten uit muziek, films en social media",
                    "Kwaliteitenkaartjes",
                    "Flip-over",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Wat is een echte man?",
                        "minutes": 25,
                        "description": "<p>Verzamel uitspraken en beelden over mannelijkheid "
                        "en bespreek welke druk ze geven.</p>",
                    },
                    {
                        "title": "Kwaliteitenspel",
                        "minutes": 25,
                        "description": "<p>De jongens kiezen kwaliteiten die bij hen passen en "
                        "geven elkaar een compliment.</p>",
                    },
                    {
                        "title": "Rolmodellen",
                        "minutes": 20,
                        "description": "<p>Wie is voor jou een voorbeeld, en waarom? Bespreek "
                        "verschillende manieren om man te zijn.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Iedereen noemt één ding waar hij trots op is.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 2: Masculinity and self-image",
                "goals": _ul(
                    "Participants explore images of masculinity.",
                    "They see what pressure those images can create.",
                    "They name their own qualities.",
                ),
                "materials": _ul(
                    "Clips from music, films and social media",
                    "Cards with qualities",
                    "Flip chart",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "What is a real man?",
                        "minutes": 25,
                        "description": "<p>Collect statements and images about masculinity "
                        "and discuss the pressure they create.</p>",
                    },
                    {
                        "title": "Qualities game",
                        "minutes": 25,
                        "description": "<p>The boys choose qualities that suit them and give "
                        "each other a compliment.</p>",
                    },
                    {
                        "title": "Role models",
                        "minutes": 20,
                        "description": "<p>Who is an example to you, and why? Discuss "
                        "different ways of being a man.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Everyone names one thing he is proud of.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-3",
            "number": 3,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 3: Grenzen en instemming",
                "goals": _ul(
                    "De deelnemers voelen en benoemen hun eigen grenzen.",
                    "Ze begrijpen wat instemming (consent) betekent.",
                    "Ze leren de grenzen van anderen te checken en te respecteren.",
                ),
                "materials": _ul(
                    "Tape voor een lijn op de vloer",
                    "Stellingenkaarten",
                    "Situatiekaarten over instemming",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Stopoefening",
                        "minutes": 20,
                        "description": "<p>Twee jongens lopen naar elkaar toe; de een zegt stop "
                        "als het te dichtbij komt. Bespreek hoe je een grens merkt, bij "
                        "jezelf en bij een ander.</p>",
                    },
                    {
                        "title": "Wat is instemming?",
                        "minutes": 30,
                        "description": "<p>Bespreek met stellingen wat echte instemming is: "
                        "vrijwillig, duidelijk en altijd in te trekken. Twijfel betekent "
                        "nee.</p>",
                    },
                    {
                        "title": "Situaties bespreken",
                        "minutes": 20,
                        "description": "<p>In groepjes bespreken de jongens situaties: hoe "
                        "check je of de ander het echt wil?</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Vraag wat de jongens meenemen van vandaag.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 3: Boundaries and consent",
                "goals": _ul(
                    "Participants feel and name their own boundaries.",
                    "They understand what consent means.",
                    "They learn to check and respect other people's boundaries.",
                ),
                "materials": _ul(
                    "Tape for a line on the floor",
                    "Statement cards",
                    "Situation cards about consent",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Stop exercise",
                        "minutes": 20,
                        "description": "<p>Two boys walk towards each other; one says stop "
                        "when it gets too close. Discuss how you notice a boundary, in "
                        "yourself and in someone else.</p>",
                    },
                    {
                        "title": "What is consent?",
                        "minutes": 30,
                        "description": "<p>Use statements to discuss what real consent is: "
                        "voluntary, clear and always possible to withdraw. Doubt means "
                        "no.</p>",
                    },
                    {
                        "title": "Discussing situations",
                        "minutes": 20,
                        "description": "<p>In small groups the boys discuss situations: how "
                        "do you check whether the other person really wants to?</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Ask what the boys take away from today.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-4",
            "number": 4,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 4: Groepsdruk",
                "goals": _ul(
                    "De deelnemers herkennen groepsdruk in hun eigen leven.",
                    "Ze oefenen met nee zeggen tegen de groep.",
                    "Ze bedenken hoe ze een ander kunnen steunen.",
                ),
                "materials": _ul(
                    "Stellingenkaarten",
                    "Rollenspelkaarten met groepssituaties",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Meedoen of niet?",
                        "minutes": 25,
                        "description": "<p>Met stellingen bespreken de jongens wanneer ze "
                        "meegaan met de groep en wanneer niet.</p>",
                    },
                    {
                        "title": "Rollenspel: nee tegen de groep",
                        "minutes": 30,
                        "description": "<p>Oefen situaties waarin de groep iets wil wat jij "
                        "niet wilt, zoals een filmpje doorsturen of een ander uitlachen.</p>",
                    },
                    {
                        "title": "Wat maakt het moeilijk?",
                        "minutes": 15,
                        "description": "<p>Bespreek waarom nee zeggen lastig is en hoe je "
                        "iemand kunt steunen die dat wel doet.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Iedereen noemt één manier om sterk te staan.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 4: Group pressure",
                "goals": _ul(
                    "Participants recognise group pressure in their own lives.",
                    "They practise saying no to the group.",
                    "They think of ways to support someone else.",
                ),
                "materials": _ul(
                    "Statement cards",
                    "Role-play cards with group situations",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Go along or not?",
                        "minutes": 25,
                        "description": "<p>Using statements, the boys discuss when they go "
                        "along with the group and when they don't.</p>",
                    },
                    {
                        "title": "Role play: no to the group",
                        "minutes": 30,
                        "description": "<p>Practise situations in which the group wants "
                        "something you don't, such as forwarding a video or laughing at "
                        "someone.</p>",
                    },
                    {
                        "title": "What makes it hard?",
                        "minutes": 15,
                        "description": "<p>Discuss why saying no is hard and how you can "
                        "support someone who does it.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Everyone names one way to stand strong.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-5",
            "number": 5,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 5: Online gedrag, sexting en sextortion",
                "goals": _ul(
                    "De deelnemers kennen de risico's van sexting en het doorsturen van beelden.",
                    "Ze weten wat sextortion is en hoe afpersers te werk gaan.",
                    "Ze weten wat ze kunnen doen als ze worden afgeperst.",
                ),
                "materials": _ul(
                    "Casuskaarten",
                    "Stappenplan bij afpersing met beelden",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Sexting en doorsturen",
                        "minutes": 25,
                        "description": "<p>Bespreek wat er gebeurt als beelden zonder "
                        "toestemming worden doorgestuurd, en wie er dan verantwoordelijk "
                        "is.</p>",
                    },
                    {
                        "title": "Casus sextortion",
                        "minutes": 30,
                        "description": "<p>Bespreek een casus waarin een jongen na het sturen "
                        "van een naaktfoto wordt afgeperst. Wat kan hij doen?</p>",
                    },
                    {
                        "title": "Stappenplan",
                        "minutes": 15,
                        "description": "<p>Loop het stappenplan door: niet betalen, bewijs "
                        "bewaren, blokkeren en hulp zoeken.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Benadruk dat schaamte normaal is en dat hulp "
                        "vragen altijd kan.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 5: Online behaviour, sexting and sextortion",
                "goals": _ul(
                    "Participants know the risks of sexting and forwarding images.",
                    "They know what sextortion is and how blackmailers operate.",
                    "They know what to do if they are being blackmailed.",
                ),
                "materials": _ul(
                    "Case cards",
                    "Step-by-step plan for blackmail with images",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Sexting and forwarding",
                        "minutes": 25,
                        "description": "<p>Discuss what happens when images are forwarded "
                        "without consent, and who is responsible then.</p>",
                    },
                    {
                        "title": "Sextortion case",
                        "minutes": 30,
                        "description": "<p>Discuss a case in which a boy is blackmailed after "
                        "sending a nude photo. What can he do?</p>",
                    },
                    {
                        "title": "Step-by-step plan",
                        "minutes": 15,
                        "description": "<p>Go through the plan: don't pay, keep evidence, "
                        "block and seek help.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Stress that shame is normal and that asking for "
                        "help is always possible.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-6",
            "number": 6,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 6: Relaties en respect",
                "goals": _ul(
                    "De deelnemers bespreken wat een gezonde relatie is.",
                    "Ze herkennen controle en jaloezie, bij zichzelf en bij anderen.",
                    "Ze staan stil bij hoe ze over meisjes en anderen praten.",
                ),
                "materials": _ul(
                    "Kaartjes met relatiesituaties",
                    "Flip-over met de kleuren groen, oranje en rood",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Groen, oranje, rood",
                        "minutes": 25,
                        "description": "<p>De jongens delen relatiesituaties in: gezond, "
                        "twijfel of niet oké, en leggen uit waarom.</p>",
                    },
                    {
                        "title": "Respect in taal",
                        "minutes": 25,
                        "description": "<p>Bespreek uitspraken en scheldwoorden over meisjes "
                        "en anderen. Wat doet shaming met iemand?</p>",
                    },
                    {
                        "title": "Wat heb jij nodig?",
                        "minutes": 20,
                        "description": "<p>Iedereen schrijft voor zichzelf op wat hij "
                        "belangrijk vindt in een relatie.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Vraag wat de jongens meenemen van vandaag.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 6: Relationships and respect",
                "goals": _ul(
                    "Participants discuss what a healthy relationship is.",
                    "They recognise control and jealousy, in themselves and in others.",
                    "They reflect on how they talk about girls and others.",
                ),
                "materials": _ul(
                    "Cards with relationship situations",
                    "Flip chart with the colours green, orange and red",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Green, orange, red",
                        "minutes": 25,
                        "description": "<p>The boys sort relationship situations into "
                        "healthy, doubtful or not okay, and explain why.</p>",
                    },
                    {
                        "title": "Respect in language",
                        "minutes": 25,
                        "description": "<p>Discuss remarks and insults about girls and "
                        "others. What does shaming do to a person?</p>",
                    },
                    {
                        "title": "What do you need?",
                        "minutes": 20,
                        "description": "<p>Everyone writes down for himself what he finds "
                        "important in a relationship.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Ask what the boys take away from today.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-7",
            "number": 7,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 7: Uitbuiting en ronselen",
                "goals": _ul(
                    "De deelnemers weten hoe jongeren worden geronseld voor criminele en "
                    "seksuele uitbuiting.",
                    "Ze herkennen de verleiding van snel geld.",
                    "Ze begrijpen dat wie wordt uitgebuit slachtoffer is, ook als hij zelf "
                    "iets strafbaars doet.",
                ),
                "materials": _ul(
                    "Verhaal of film over een jongen die wordt geronseld",
                    "Kaartjes met fases van ronselen",
                    "Informatie over de situatie in de eigen regio",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde; kondig aan dat het thema heftig kan "
                        "zijn.</p>",
                    },
                    {
                        "title": "Snel geld",
                        "minutes": 25,
                        "description": "<p>Bekijk een verhaal over een jongen die een klusje "
                        "aangeboden krijgt, zoals een pakketje wegbrengen. Waar gaat het "
                        "mis?</p>",
                    },
                    {
                        "title": "Hoe gaat ronselen?",
                        "minutes": 25,
                        "description": "<p>Leg de fases op volgorde en bespreek ook hoe "
                        "jongens soms worden ingezet om meisjes te ronselen.</p>",
                    },
                    {
                        "title": "Dader of slachtoffer?",
                        "minutes": 20,
                        "description": "<p>Bespreek waarom uitgebuite jongens vaak als dader "
                        "worden gezien en waarom ze dan moeilijk hulp vragen.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Benadruk dat uitstappen altijd kan en dat de "
                        "trainers na afloop beschikbaar zijn.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 7: Exploitation and recruitment",
                "goals": _ul(
                    "Participants know how young people are recruited for criminal and "
                    "sexual exploitation.",
                    "They recognise the lure of quick money.",
                    "They understand that someone who is exploited is a victim, even when "
                    "committing an offence.",
                ),
                "materials": _ul(
                    "Story or film about a boy who is recruited",
                    "Cards with stages of recruitment",
                    "Information about the situation in the local region",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round; mention that the theme can be intense.</p>",
                    },
                    {
                        "title": "Quick money",
                        "minutes": 25,
                        "description": "<p>Watch a story about a boy who is offered a small "
                        "job, such as delivering a package. Where does it go wrong?</p>",
                    },
                    {
                        "title": "How does recruitment work?",
                        "minutes": 25,
                        "description": "<p>Put the stages in order and also discuss how boys "
                        "are sometimes used to recruit girls.</p>",
                    },
                    {
                        "title": "Offender or victim?",
                        "minutes": 20,
                        "description": "<p>Discuss why exploited boys are often seen as "
                        "offenders and why that makes it hard for them to ask for help.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Stress that getting out is always possible and "
                        "that the trainers are available afterwards.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-8",
            "number": 8,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 8: Hulp en toekomst",
                "goals": _ul(
                    "De deelnemers weten waar ze in hun eigen stad terechtkunnen.",
                    "Ze oefenen met hulp vragen.",
                    "Ze denken na over hun toekomst en wat ze daarvoor nodig hebben.",
                ),
                "materials": _ul(
                    "Plattegrond van de wijk of stad",
                    "Folders en kaartjes van lokale hulp",
                    "Telefoon of laptop om de anonieme chat te laten zien",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Korte ronde over hoe het gaat.</p>",
                    },
                    {
                        "title": "Hulpkaart maken",
                        "minutes": 25,
                        "description": "<p>Zet samen op de plattegrond waar je terechtkunt: "
                        "wijkteam, huisarts, school, jongerenwerk en het expertisecentrum.</p>",
                    },
                    {
                        "title": "Mijn toekomst",
                        "minutes": 30,
                        "description": "<p>De jongens tekenen of schrijven hoe hun leven er "
                        "over vijf jaar uitziet en wat ze nodig hebben om daar te komen.</p>",
                    },
                    {
                        "title": "Hulp vragen oefenen",
                        "minutes": 15,
                        "description": "<p>Oefen hoe je een eerste gesprek of chat begint en "
                        "laat de anonieme chat zien.</p>",
                    },
                    {
                        "title": "Afsluiting",
                        "minutes": 10,
                        "description": "<p>Deel de kaartjes met hulplijnen uit.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 8: Help and the future",
                "goals": _ul(
                    "Participants know where to go in their own city.",
                    "They practise asking for help.",
                    "They think about their future and what they need for it.",
                ),
                "materials": _ul(
                    "Map of the neighbourhood or city",
                    "Leaflets and cards from local services",
                    "Phone or laptop to show the anonymous chat",
                ),
                "activities": [
                    {
                        "title": "Check-in",
                        "minutes": 10,
                        "description": "<p>Short round on how everyone is doing.</p>",
                    },
                    {
                        "title": "Making a help map",
                        "minutes": 25,
                        "description": "<p>Mark on the map together where to go: the "
                        "neighbourhood team, GP, school, youth work and the expertise "
                        "centre.</p>",
                    },
                    {
                        "title": "My future",
                        "minutes": 30,
                        "description": "<p>The boys draw or write what their life looks like "
                        "in five years and what they need to get there.</p>",
                    },
                    {
                        "title": "Practising asking for help",
                        "minutes": 15,
                        "description": "<p>Practise how to start a first conversation or chat "
                        "and show the anonymous chat.</p>",
                    },
                    {
                        "title": "Closing",
                        "minutes": 10,
                        "description": "<p>Hand out the cards with help lines.</p>",
                    },
                ],
            },
        },
        {
            "slug": "bijeenkomst-9",
            "number": 9,
            "duration_minutes": 90,
            "nl": {
                "title": "Bijeenkomst 9: Afsluiting",
                "goals": _ul(
                    "De deelnemers kijken terug op wat ze hebben geleerd.",
                    "Ze benoemen wat ze meenemen naar de toekomst.",
                    "De groep sluit het traject positief af.",
                ),
                "materials": _ul(
                    "Flip-overvellen uit eerdere bijeenkomsten",
                    "Anoniem evaluatieformulier",
                    "Iets lekkers",
                ),
                "activities": [
                    {
                        "title": "Terugblik",
                        "minutes": 25,
                        "description": "<p>Loop samen de negen thema's langs. Wat is "
                        "bijgebleven, wat was lastig?</p>",
                    },
                    {
                        "title": "Boodschap aan jezelf",
                        "minutes": 20,
                        "description": "<p>Iedereen schrijft een korte boodschap aan zichzelf "
                        "over wat hij wil onthouden en neemt die mee naar huis.</p>",
                    },
                    {
                        "title": "Evaluatie",
                        "minutes": 20,
                        "description": "<p>De jongens vullen anoniem het evaluatieformulier in "
                        "en geven tips voor een volgende groep.</p>",
                    },
                    {
                        "title": "Afscheid",
                        "minutes": 25,
                        "description": "<p>Complimentenronde en samen iets lekkers eten. "
                        "Herinner aan de hulplijnen.</p>",
                    },
                ],
            },
            "en": {
                "title": "Meeting 9: Closing",
                "goals": _ul(
                    "Participants look back on what they have learned.",
                    "They name what they take with them into the future.",
                    "The group ends the programme on a positive note.",
                ),
                "materials": _ul(
                    "Flip chart sheets from earlier meetings",
                    "Anonymous evaluation form",
                    "Something tasty",
                ),
                "activities": [
                    {
                        "title": "Looking back",
                        "minutes": 25,
                        "description": "<p>Go through the nine themes together. What stuck, "
                        "what was difficult?</p>",
                    },
                    {
                        "title": "Message to yourself",
                        "minutes": 20,
                        "description": "<p>Everyone writes a short message to himself about "
                        "what he wants to remember and takes it home.</p>",
                    },
                    {
                        "title": "Evaluation",
                        "minutes": 20,
                        "description": "<p>The boys fill in the evaluation form anonymously "
                        "and give tips for a next group.</p>",
                    },
                    {
                        "title": "Goodbye",
                        "minutes": 25,
                        "description": "<p>Round of compliments and something tasty together. "
                        "Remind everyone of the help lines.</p>",
                    },
                ],
            },
        },
    ],
    "preventieles": [
        {
            "slug": "lesplan",
            "number": 1,
            "duration_minutes": 90,
            "nl": {
                "title": "Preventieles: grenzen, online risico's en hulp",
                "goals": _ul(
                    "Leerlingen kunnen hun eigen grenzen en die van anderen benoemen.",
                    "Ze kennen de risico's van internet en social media, waaronder sexting, "
                    "shaming, deepfakes en sextortion.",
                    "Ze herkennen hoe jongeren worden geronseld voor jeugdprostitutie.",
                    "Ze weten waar ze hulp kunnen vinden, ook anoniem.",
                ),
                "materials": _ul(
                    "Presentatie en beamer",
                    "Stellingenkaarten",
                    "Casuskaarten",
                    "Kaartjes met hulplijnen, waaronder de anonieme chat",
                ),
                "activities": [
                    {
                        "title": "Opening en afspraken",
                        "minutes": 10,
                        "description": "<p>De twee trainers stellen zich voor en maken "
                        "afspraken met de klas: respect, niemand hoeft iets persoonlijks te "
                        "delen en vragen mogen anoniem.</p>",
                    },
                    {
                        "title": "Grenzen",
                        "minutes": 20,
                        "description": "<p>Stellingenspel over grenzen aangeven en "
                        "respecteren. Eén trainer leidt het gesprek, de ander let op de "
                        "groep.</p>",
                    },
                    {
                        "title": "Online risico's",
                        "minutes": 25,
                        "description": "<p>Bespreek met voorbeelden sexting, shaming en "
                        "deepfakes: wat is het, wat is strafbaar en wat doe je als het jou of "
                        "een vriend overkomt?</p>",
                    },
                    {
                        "title": "Sextortion en jeugdprostitutie",
                        "minutes": 20,
                        "description": "<p>Laat met een casus zien hoe afpersing en ronselen "
                        "stap voor stap gaan. Benadruk dat de schuld altijd bij de dader "
                        "ligt.</p>",
                    },
                    {
                        "title": "Hulp en afsluiting",
                        "minutes": 15,
                        "description": "<p>Laat zien waar jongeren hulp vinden, ook anoniem, "
                        "en deel de kaartjes uit. Blijf na de les even beschikbaar voor "
                        "vragen.</p>",
                    },
                ],
            },
            "en": {
                "title": "Prevention lesson: boundaries, online risks and help",
                "goals": _ul(
                    "Pupils can name their own boundaries and those of others.",
                    "They know the risks of the internet and social media, including "
                    "sexting, shaming, deepfakes and sextortion.",
                    "They recognise how young people are recruited for youth prostitution.",
                    "They know where to find help, including anonymously.",
                ),
                "materials": _ul(
                    "Presentation and projector",
                    "Statement cards",
                    "Case cards",
                    "Cards with help lines, including the anonymous chat",
                ),
                "activities": [
                    {
                        "title": "Opening and agreements",
                        "minutes": 10,
                        "description": "<p>The two trainers introduce themselves and agree "
                        "with the class: respect, nobody has to share anything personal and "
                        "questions may be asked anonymously.</p>",
                    },
                    {
                        "title": "Boundaries",
                        "minutes": 20,
                        "description": "<p>Statement game about setting and respecting "
                        "boundaries. One trainer leads the discussion, the other keeps an eye "
                        "on the group.</p>",
                    },
                    {
                        "title": "Online risks",
                        "minutes": 25,
                        "description": "<p>Use examples to discuss sexting, shaming and "
                        "deepfakes: what are they, what is a criminal offence and what do you "
                        "do if it happens to you or a friend?</p>",
                    },
                    {
                        "title": "Sextortion and youth prostitution",
                        "minutes": 20,
                        "description": "<p>Use a case to show how blackmail and recruitment "
                        "happen step by step. Stress that the blame always lies with the "
                        "perpetrator.</p>",
                    },
                    {
                        "title": "Help and closing",
                        "minutes": 15,
                        "description": "<p>Show where young people can find help, including "
                        "anonymously, and hand out the cards. Stay available for questions "
                        "for a while after the lesson.</p>",
                    },
                ],
            },
        },
    ],
}
