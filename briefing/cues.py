"""Words that tell the extractor what a capitalised span is: titles, organisation and place heads, and
the common words that are capitalised only because they start a sentence. All in folded form.

These are rules of English news writing, not lists of entities.
"""

from __future__ import annotations

from briefing.months import ENGLISH_MONTHS
from briefing.months import MONTHS as MONTH_NUMBERS


def words(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list."""
    return frozenset(text.split())


# Titles before a person's name ("President", "Lt. Gen.", "Rep."); folded, so "Gen." is "gen"; German ones
# in lower case with their umlauts ("Präsident Wolodymyr Selenskyj", "Kanzler Friedrich Merz").
TITLES = words(
    """
    president vice prime minister secretary chancellor premier king queen prince princess emperor empress
    pope sheikh sheik emir sultan ayatollah imam rabbi bishop archbishop cardinal reverend rev father fr
    msgr monsignor
    general gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm sergeant sgt
    corporal cpl private pvt pfc brigadier brig marshal commodore officer petty spc staff airman seaman ensign
    midshipman cadet hospitalman constructionman fireman
    senator sen representative rep congressman congresswoman governor gov mayor ambassador amb envoy
    judge justice chairman chairwoman chairperson director spokesman spokeswoman spokesperson
    mr mrs ms mx dr prof professor sir dame lord lady baron duke duchess ceo leader deputy acting
    undersecretary attorney inspector superintendent supt detective det constable speaker mufti
    patriarch coach crown president-elect vice-president chief advisor adviser commissioner coordinator
    administrator counselor counsellor consul delegate councillor councilor councilman councilwoman
    alderman alderwoman cllr
    shri shrimati smt
    präsident präsidentin bundespräsident bundespräsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin
    ministerpräsident ministerpräsidentin ministerin außenminister außenministerin verteidigungsminister
    verteidigungsministerin finanzminister finanzministerin innenminister innenministerin
    wirtschaftsminister wirtschaftsministerin premierminister premierministerin regierungschef
    regierungschefin staatschef staatschefin bürgermeister bürgermeisterin oberbürgermeister
    oberbürgermeisterin papst könig königin
    """
)
# titles whose "of" names a territory, no body: "Duke of Sussex" is a person, "King of Pop" an epithet
NOBLE = words(
    "duke duchess prince princess earl countess baron baroness lord lady king queen emperor empress"
)
# The words abbreviated titles stand for, as a reader wants them spelt ("Sen." is "Senator")
TITLE_WORDS = {
    "sen": "senator", "rep": "representative", "gen": "general", "gov": "governor", "adm": "admiral",
    "col": "colonel", "lt": "lieutenant", "maj": "major", "capt": "captain", "cmdr": "commander",
    "amb": "ambassador", "prof": "professor", "sgt": "sergeant", "brig": "brigadier", "det": "detective",
    "supt": "superintendent", "cpl": "corporal", "pvt": "private", "msgr": "monsignor", "cllr": "councillor",
}  # fmt: skip


def spelt_out(role: str) -> str:
    """A role with its abbreviated titles written out: "Rear Adm." -> "Rear Admiral", "Sen." -> "Senator"."""

    def word(w: str) -> str:
        full = TITLE_WORDS.get(w.lower().rstrip(".")) if w.endswith(".") else None
        return (full.capitalize() if w[:1].isupper() else full) if full else w

    return " ".join(word(w) for w in role.split())


# A title that also heads organisation names ("Secretary General" is a person, "General Motors" is not)
# is only a title when a plausible name follows.

# Portfolios after "of"/"for" in a title: "Secretary of State", "Minister for Foreign Affairs".
PORTFOLIOS = words(
    """
    state defense defence foreign affairs home interior finance justice health education energy commerce
    agriculture labor labour transport transportation treasury homeland security veterans trade industry
    economy culture environment the staff army navy air force armed forces joint chiefs
    """
)

# Head words of organisation names: "Ministry of Defence", "Chatham House"? (no), "Al Jabri ... Co".
ORG_HEADS = words(
    """
    ministry department agency institute institution university college school academy council committee
    commission party group co corp corporation inc ltd llc plc ag gmbh company companies bank fund
    foundation association organization organisation federation union league alliance coalition front
    movement army navy forces force corps command guard police service services office bureau authority
    board court tribunal parliament assembly senate congress cabinet government administration church
    club trust society center centre network times post news press journal herald tribune telegraph
    media television tv radio broadcasting airlines airways motors industries holdings partners capital
    systems technologies labs records studios pictures entertainment brigade brigades battalion regiment
    division fleet squadron mission secretariat directorate cartel brotherhood trading investment
    investments oil petroleum conference forum pharmaceuticals hospital museum library orchestra band fc
    rovers athletic laboratory laboratories observatory
    wanderers exchange reserve bureau caucus junta militia committee ministries house casino community
    opposition
    """
)
# A company's legal form ends its name ("Nordhavn Shipping A/S", "Telefónica S.A."); kept apart from
# ORG_HEADS, whose words are also features of the tagger's shipped weights.
LEGAL_FORMS = words("a/s ab asa spa s.p.a sa s.a nv n.v bv b.v oyj sarl srl se kgaa pvt pte plc")
# Words that make the whole span an organisation even when first ("Ministry of ...", "University of ...").
ORG_FIRST = words(
    """
    ministry department university institute bank bureau office council commission committee house
    federation association organization organisation school college academy museum league union
    """
)

# The same at the start of Spanish, Portuguese, French and Italian names ("Centro de Estudios Públicos",
# "Banco Santander", "Institut Pasteur"); words English uses too ("front", "service") are left out.
ORG_FIRST_ROMANCE = words(
    """
    centro instituto universidad banco ministerio partido fundación consejo comisión secretaría corte
    asociación federación confederación sindicato movimiento agencia empresa grupo compañía sociedad
    cámara universidade ministério fundação conselho comissão associação federação confederação
    movimento serviço servicio agência companhia câmara institut université banque ministère parti
    fondation conseil secrétariat cour fédération confédération syndicat mouvement agence société
    compagnie groupe chambre académie istituto università banca ministero partito fondazione consiglio
    commissione governo gobierno gouvernement autoridade autoridad autorité ordem orden gabinete união
    unión unione
    """
)
# "European" after the noun, as Romance languages put it ("União Europeia", "Gabinete Antifraude Europeu",
# "Parlamento Europeo", "Union européenne"): a body of Europe's, never a person's surname
EUROPEAN_AFTER = words("europeia europeu europea europeo europei europee européenne européen européens")

PLACE_HEADS = words(
    """
    city town village river lake mountain mountains island islands isle peninsula province region district
    county oblast governorate prefecture valley desert bay sea ocean gulf strait canal coast beach park
    street avenue road square bridge airport station port harbour harbor heights hills plains falls forest
    basin delta republic kingdom emirate territory territories krai raion neighborhood neighbourhood
    state plateau reservoir brook pond junction creek canyon glacier highway route township borough parish
    archipelago area peninsula dam airfield airbase base stadium arena oval gym courthouse auditorium theatre
    theater hotel cathedral mosque synagogue temple palace castle mall gate dock docks wharf pier grove
    hollow rink pavilion playfield formation boulevard plaza terrace lane field fields place way estate
    """
)
# Lower-case nouns before "of" that make the name after it a place: "the town of Tel Tamer".
PLACE_OF = words(
    """
    city town village hamlet municipality province district region county suburb suburbs outskirts capital
    island state parish borough neighbourhood neighborhood governorate oblast port
    cities towns villages provinces districts regions islands
    """
)
# "St. Louis", "Saint Helena": a name that begins with a saint's is a place, a church or a team, no person.
SAINTS = words("st saint ste")
PLACE_FIRST = words(
    "mount lake gulf bay isle sea strait port cape camp fort tal tel ayn ain dayr deir ras jabal jebel"
    " wadi bir kafr"
)

# A span ending in one of these names an event, a law, a prize or a work, not an actor.
MISC_HEADS = words(
    """
    war wars act treaty accord accords agreement pact convention day cup championship championships award
    awards prize medal games olympics festival album tour show series crisis revolution doctrine initiative
    declaration bill constitution summit protocol trophy marathon season era dynasty age plan strategy
    approach report program programme operation time ages edition resolution index communique order
    """
)

MONTHS = frozenset(ENGLISH_MONTHS)
MONTHS_DAYS = frozenset(MONTH_NUMBERS) | words("monday tuesday wednesday thursday friday saturday sunday")
# Dates are never actors, though places bear some of their names; with a date line's short days
# ("Published: Mon 23 Nov 2026"; "Sun" is also a newspaper).
CALENDAR = MONTHS_DAYS | words("mon tue tues wed thu thur thurs fri sat")

# Capitalised only because a sentence starts with them (and also never names on their own).
COMMON = words(
    """
    a an the this that these those there here it its he she they we you i me him her them us our your my
    his their who whom whose what which why how when where while whether if unless though although
    whereas unlike join click subscribe listen download tap
    and but or nor so yet for because since after before during until till once as than then now today
    tonight yesterday tomorrow earlier later last next first second third finally instead indeed despite
    also still even only just already again meanwhile however moreover furthermore additionally besides
    thus hence therefore otherwise nevertheless nonetheless overall similarly likewise according asked
    in on at by from to with without within into onto of off over under above below between among amid
    amidst against toward towards through throughout across along around about beyond near upon via per
    many some most several few all both each every no not none other another such more less much any
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion dozens hundreds thousands millions billions
    is are was were be been being has have had do does did will would shall should can could may might must
    yes no please thanks thank dear hello
    officials analysts experts critics sources reports residents authorities observers supporters
    opponents lawmakers leaders troops soldiers people citizens voters investors traders
    however
    """
)

# Lower-case words that head a role phrase ("special envoy", "a Gulf expert", "former ambassador").
ROLE_NOUNS = words(
    """
    president minister secretary chancellor leader envoy ambassador spokesperson spokesman spokeswoman
    general commander officer official director chief head chairman chairwoman chair adviser advisor
    analyst expert professor researcher fellow founder ceo executive governor mayor senator lawmaker
    legislator judge prosecutor lawyer attorney journalist reporter correspondent editor economist
    strategist diplomat negotiator candidate nominee member deputy assistant aide representative
    politician activist ruler king queen prince monarch premier colonel captain lieutenant sergeant admiral
    cleric scholar scientist author writer coach player star singer actor owner investor billionaire
    businessman businesswoman manager president-elect speaker mp commissioner inspector consultant
    partner principal dean rector bishop commentator historian
    """
)
# What ordinary people in the news are, in an apposition after their name ("Chad Mbaïrem, a teacher in
# Walia,"): person evidence only, never a role of the dossier, and no tagger feature
PERSON_NOUNS = words(
    """
    teacher farmer resident observer doctor nurse student worker driver fisherman fisherwoman engineer
    shopkeeper trader vendor mother father son daughter wife husband widow pensioner retiree survivor
    witness volunteer voter pilot soldier surgeon midwife mechanic labourer laborer miner herder
    villager refugee pastor imam priest nun artist musician photographer filmmaker entrepreneur
    """
)
ROLE_MODIFIERS = words(
    """
    retired former acting deputy then late incoming outgoing interim current top senior chief special
    newly new longtime veteran exiled ousted jailed ex assistant vice associate prime crown
    """
)
# Where an office is held, written before its noun in lower case: "regional president Carlos Mazon",
# "provincial governor", "federal judge", "county commissioner". The role keeps it: without it a
# regional president reads as a head of state. Only for lower-case role phrases (``briefing.roles``),
# not for a capitalised run before a name, where "City Hall" or "County Durham" is no role.
ROLE_SCOPES = words(
    "regional provincial local federal municipal county city district territorial metropolitan national"
)
# Modifiers that change whether or how a person holds the office: a "former envoy" is no envoy, an
# "acting" or "deputy" minister no minister. A role keeps them, and two roles that differ in them are two
# offices (``briefing.role_choice``); "ex-" and "then-" come as prefixes too ("ex-president").
ROLE_QUALIFIERS = words(
    "former ex then late acting interim caretaker outgoing incoming deputy vice ousted retired elect"
    " designate"
)


def qualified(low: str) -> bool:
    """Is a (folded) word a qualifier, or prefixed by one ("ex-us", "then-vice", "ex-president")?"""
    return low in ROLE_QUALIFIERS or low.split("-", 1)[0] in ("ex", "then", "former")


# Lower-case words after a possessive brand that show it is the subject: "Kellogg's reported ...".
SUBJECT_VERBS = words(
    """
    said says is was has had will would reported reports announced announces sells sold makes made
    plans planned expects expected agreed rose fell cut raised shares stock
    """
)
# words that open a French sentence and never a name: "Selon Le Pen, ..." ("according to")
FOREIGN_OPENERS = words("selon pour après avant mais quand depuis pendant")
SPEECH_VERBS = words("said says told added wrote stated noted argued warned explained insisted")
# what a person, and seldom a company or a place, does right after the name: "Chad Le Clos swam in Durban"
PERSON_VERBS = words("won wins swam swims ran runs scored scores played plays sang sings married died")
PLACE_PREPOSITIONS = words(
    "in at from near to into across throughout outside inside around toward towards via within"
)
# Words of belief after which "in" takes a person, not a place: "confidence in Smith", "faith in Kendal".
BELIEF_WORDS = words("confidence faith trust belief believe believes believed believing")

PLACE_MODIFIERS = words(
    "west east north south northwest northeast southwest southeast old new upper lower greater central"
    " northern southern"
)
# An armed group's kind and head after its name or code: "the ISIL terrorist group", "the M23 armed group",
# "the B13 rebel movement" (one list for ``briefing.states`` and ``briefing.codes``).
ARMED_KINDS = words(
    "terrorist terror militant armed extremist jihadist insurgent rebel guerrilla paramilitary"
)
ARMED_HEADS = words("group groups movement militia")
# Plural nouns of groups of people that begin a sentence ("Organisers said"), never a person's name;
# kept apart from COMMON, whose words are also features of the tagger's shipped weights.
GROUP_NOUNS = words("organisers organizers rescuers protesters demonstrators villagers spectators police")
# What the public in the news are, besides ``PERSON_NOUNS`` and ``OCCUPATIONS``: their plurals begin
# sentences ("Fans said", "Commuters faced delays"), never a person's name; person evidence only, no feature
PUBLIC_NOUNS = words(
    """
    fan supporter follower critic customer client passenger commuter tourist visitor shopper consumer user
    viewer listener parent neighbour neighbor relative friend colleague employee patient victim protester
    resident official analyst expert lawmaker legislator campaigner activist owner investor
    """
)
# Occupations and a team's positions that, capitalised before a name, say a person follows even when the
# lists lack the given name ("Quarterback Jaylen Moss", "Plumber Jo Tran"): never words that also begin
# names of things ("Star Wars", "Head Start", "Forward Operating Base"); person evidence only, no feature
OCCUPATIONS = words(
    """
    quarterback linebacker cornerback halfback fullback goalkeeper goalie striker midfielder defender
    winger pitcher catcher shortstop outfielder infielder batsman bowler wicketkeeper jockey cyclist
    sprinter swimmer boxer wrestler golfer skier rookie coach referee umpire
    plumber electrician carpenter firefighter paramedic detective trooper pharmacist dentist physician
    cardiologist psychologist psychiatrist therapist veterinarian architect accountant chef bartender
    waiter waitress cashier clerk janitor librarian lecturer novelist poet playwright composer sculptor
    actress comedian dancer rapper drummer guitarist pianist violinist chemist physicist biologist
    epidemiologist virologist archaeologist rancher homeowner landlord caregiver teacher doctor nurse
    farmer engineer surgeon mechanic midwife
    lawyer attorney journalist reporter analyst professor researcher economist scientist author writer
    singer actor investor activist diplomat historian commentator consultant politician lawmaker
    businessman businesswoman billionaire spokesman spokeswoman spokesperson
    """
)
# Alone, these are a direction, a head word referring back ("the Ministry") or a caption mark.
# ("Airmen", "Soldiers": armed forces' style capitalises its people, no names)
LONE_NOT_NAMES = words("western eastern northern southern central jr sr airmen soldiers sailors guardsmen")
# Letters after a person's name for an honour, a degree or a seat ("Catherine de Souza KC", "Jane Roe MBE",
# "Keir Starmer MP"): no part of the name. Compared as written, so "Kc" or a lower-case "mp" is not one;
# letters as often something else ("MS", "AM", "MD", "TD", "CH") are left out.
POST_NOMINALS = frozenset(
    """KC QC MP MSP MEP MLA MBE OBE CBE KBE DBE GBE BEM KCB GCB KCMG GCMG CMG KCVO GCVO LVO CVO MVO JP FRS
    FRSE FRCP FRCS FREng FBA PhD DPhil QPM KPM""".split()
)
# Of those, the letters for a seat, which also follow a party ("Labor MP") and not only a person's name.
SEATS = frozenset("MP MSP MEP MLA".split())
# Before a name of unknown kind, these say it is a place ("in Al Huwayjah").
PLACE_CONTEXT = words("in near outside across throughout toward towards")
# Military units named with a number before them: "the 158th Fighter Wing", "65 Air Division".
UNIT_HEADS = words(
    "wing division squadron group fleet brigade regiment battalion corps army command force forces"
)
# Acronyms of things, not actors: units, currencies, a programmer's constants ("YES", "NULL", "BOOL")
# and a compass's bearings ("1,218 miles SW", "100 Maryland Ave. SW")
NOT_ACRONYMS = words(
    """
    ko kos cd cds dvd tv dj fm am pm ceo cfo gdp mp mps phd bc ad ok id ids pc usb ai it ip vip rpg lp ep
    hiv aids covid dna rna ufo gps sms faq pdf html url atm suv suvs ev evs mvp ied ieds vbied vbieds
    gmt utc bst cet cest eet edt est cdt cst mdt mst pdt pst jst aest aedt
    usd eur gbp jpy cny rmb chf dkk sek nok isk pln czk huf inr brl zar aud cad nzd hkd sgd krw rub mxn
    ebitda ebit eps ipo ytd yoy qoq capex opex roi roe kpi
    yes no null nil bool void true false nan
    n s e w ne nw se sw nne nnw ene ese sse ssw wsw wnw
    """
)
MISC_FIRST = words("operation hurricane storm typhoon cyclone tropical cessation")
# Lower-case nouns after a name that make it a company: "Volkswagen plants", "Apple shares"
COMPANY_NOUNS = words(
    """
    plant plants factory factories shares stock stocks shareholders workers employees staffers executives
    headquarters subsidiary subsidiaries dealerships stores outlets customers investors
    """
)
