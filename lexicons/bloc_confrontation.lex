# bloc_confrontation.lex: the world split into rival camps, and the tools of that rivalry.
#
# Unlike the other five lexicons, every entry here names something both China and France say they
# reject. "Opposes the Cold War mentality", "avoid decoupling", "not taking sides" therefore read
# as oppose, which is the natural reading; "calls for sanctions" reads as support.
name: bloc_confrontation
stance: oppose
version: 1.0
description: Bloc and camp confrontation and its instruments: Cold War mentality, bloc politics and military blocs, camps and taking sides, zero-sum thinking, decoupling, containment and encirclement, hegemonism and power politics, unilateralism and unilateral or long-arm sanctions, bullying, coercion and blackmail, trade and tech wars, "small yard, high fence", polarisation and fragmentation, great-power and systemic rivalry, expanding military alliances, arms races, spheres of influence.
description: Counts: "abandon the Cold War mentality and bloc confrontation", "oppose unilateralism and protectionism", "avoid decoupling", "China does not take sides", "the EU sees China as a partner, competitor and systemic rival", "NATO's eastward expansion", "illegal unilateral sanctions", "suffering bullying and blackmail".
description: Does not count: "the bloc" on its own (wire shorthand for the EU, "the 27-nation bloc") is not an entry, nor are bare "rival", "competition", "tariffs" or "pressure"; the positive counterparts (multilateralism, win-win, common security) are in multilateralism.lex, non-alignment and strategic autonomy in autonomy.lex.
description: Known weak spots: bare "sanctions" (0.4) mixes China's "unilateral sanctions" frame with EU sanctions on Russia that France endorses, so "France calls for sanctions" reads as support; both sides use the same words to accuse each other ("economic coercion", "hegemonism"), so a match says nothing about whom the speaker accuses; "cold war" also matches historical references ("since the end of the Cold War").
description: Known weak spots (2): "containment" also covers disease and fire containment, "bullying" school bullying, "polarisation" domestic political polarisation; "confrontation*" (0.8) is broad; "dialogue rather than confrontation" or "dialogue over confrontation" carries no stance cue, so the match stays neutral unless stance.toml's "rather than"/"instead of" negators are applied to contrast (they only flip a following cue).
---
# -- Cold War mentality, blocs, camps --
cold war mentality | 2.0                         # also matches cold-war mentality
cold war mindset | 2.0
cold war thinking | 2.0
new cold war | 1.5
cold war | 1.0                                   # weak: historical references
bloc confrontation | 2.0
bloc politics | 1.5
bloc rivalry | 1.5
military blocs | 1.5
military bloc | 1.5
competing blocs | 1.2
rival blocs | 1.2
camp confrontation | 1.5
hostile camps | 1.2
rival camps | 1.0
take sides | 1.0
taking sides | 1.0
took sides | 1.0
choose sides | 1.0
choosing sides | 1.0
pick sides | 1.0
picking sides | 1.0
small circles | 1.2
small yard | 1.2                              # "small yard, high fence"
high fence | 1.2
divide the world | 1.2
division of the world | 1.2
ideological confrontation | 1.5
ideological lines | 1.2
# -- zero-sum, rivalry --
zero-sum | 1.5
confrontation* | 0.8                             # confrontation, confrontational
antagonis* | 0.8
great-power rivalry | 1.2
great-power competition | 1.2
strategic competition | 1.0
strategic rivalry | 1.0
systemic rival | 1.5
systemic rivalry | 1.5
sphere of influence | 1.2
spheres of influence | 1.2
at the expense of others | 1.0
proxy war | 1.2
arms race | 1.0
arms racing | 1.0
polarization | 1.0
polarisation | 1.0
polarized | 0.8
polarised | 0.8
fragmentation | 0.8
# -- hegemony, unilateralism, coercion --
hegemon* | 1.5                                  # hegemony, hegemonism, hegemonic
power politics | 1.5
unilateralism | 1.5
unilateral sanctions | 1.5
unilateral measures | 1.0
protectionism | 1.0
protectionist | 0.8
bullying | 1.5
bully | 1.0
bullies | 1.0
bullied | 1.0
coercion | 1.0
economic coercion | 1.5
coercive | 1.0
blackmail | 1.0
long-arm jurisdiction | 1.5
extra-territorial | 1.0                         # matches extraterritorial
# -- economic confrontation --
sanctions | 0.4                                 # weak: EU sanctions on Russia too
secondary sanctions | 1.0
entity list | 1.0
export controls | 0.8
decoupl* | 1.5                                  # decoupling, decouple, decoupled
trade war | 1.2
tariff war | 1.2
tech war | 1.0
technology war | 1.0
chip war | 1.0
weaponiz* | 1.0                                 # weaponization of trade / interdependence
weaponis* | 1.0
friend-shoring | 1.0
# -- containment and alliances --
containment | 1.2
contain china | 1.5
containing china | 1.5
encircl* | 1.2
anti-china | 1.0
china threat | 1.0
military alliance | 0.8
military alliances | 0.8
expansion of military alliances | 1.5
nato expansion | 1.2
nato enlargement | 1.2
eastward expansion | 1.2
asian nato | 1.5
