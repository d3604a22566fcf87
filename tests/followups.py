"""Two stories and their follow-ups, as outlets write them: later articles reuse the story's words
(its people, places, the dock workers) to tell what is new, or to tell the same again.

Each tuple is one article's summary sentences, lead first."""

QUAKE_HEADLINE = "Magnitude 7.4 earthquake strikes southern Peru"
QUAKE_FIRST = (
    "A magnitude 7.4 earthquake struck southern Peru on Tuesday, killing at least 12 people in the "
    "Arequipa region, officials said.",
    "The quake's epicentre was 40 kilometres south of the town of Chala, the Geophysical Institute of "
    "Peru said.",
    "Rescue teams from Lima were sent to the Arequipa region to search collapsed houses for survivors.",
)
QUAKE_TOLL_RISES = (  # a new toll; the rest retold
    "The death toll from Tuesday's magnitude 7.4 earthquake in southern Peru rose to 41 people in the "
    "Arequipa region, officials said.",
    "Rescue teams in the Arequipa region were still searching collapsed houses for survivors near Chala.",
    "The Geophysical Institute of Peru said the epicentre was 40 kilometres south of Chala.",
)

STRIKE_HEADLINE = "Dockers strike halts Rotterdam container port"
STRIKE = (
    "Dock workers at the port of Rotterdam walked out on Tuesday over pay, halting container traffic at "
    "the Maasvlakte terminals, the FNV union said.",
    "The union is demanding a pay rise of seven percent for the 4,000 dock workers employed by the "
    "terminal operators.",
    "Union leader Pieter Jansen said the dock workers would stay out for 48 hours unless the terminal "
    "operators improved their offer.",
)
STRIKE_RETOLD = (  # another outlet, the same three facts
    "Container traffic at Rotterdam's Maasvlakte terminals stopped on Tuesday as dock workers walked out "
    "over pay, according to the FNV union.",
    "The FNV union wants a seven percent pay rise for the 4,000 dock workers at the terminal operators.",
    "Pieter Jansen, the union leader, said the Rotterdam dock workers would strike for 48 hours unless "
    "the terminal operators improve their offer.",
)
COURT = (  # three new facts, in the story's words
    "A Rotterdam court on Tuesday ordered the dock workers at the Maasvlakte terminals to end their "
    "strike over pay by midnight, ruling in favour of the terminal operators.",
    "The judge said the walkout by the FNV union's dock workers had caused disproportionate damage to "
    "the Rotterdam port economy.",
    "Union leader Pieter Jansen said the dock workers would comply with the ruling but would appeal "
    "against it.",
)
FERRIES = (  # two new facts and one retold
    "Stena Line cancelled all sailings between Hook of Holland and Harwich on Tuesday because of the "
    "Rotterdam dockers strike, stranding hundreds of lorry drivers.",
    "The ferry company said about 600 lorries were queuing on the A15 motorway near the Maasvlakte.",
    "Dock workers at the port of Rotterdam walked out on Tuesday over pay, the FNV union said.",
)
FERRIES_RETOLD = (
    "All Stena Line crossings from Hook of Holland to Harwich were called off on Tuesday due to the "
    "Rotterdam dockers strike, leaving hundreds of lorry drivers stranded.",
    "Around 600 lorries were lined up on the A15 motorway close to the Maasvlakte, the ferry operator said.",
    "The FNV union said dock workers in Rotterdam walked out on Tuesday over pay.",
)
