# sovereignty.lex: appeals to a state's authority over its territory and its own affairs.
#
# Design rule shared by all six lexicons: an entry names the principle or topic, not a stance on it.
# Words for acts against the principle (violate, infringe, interfere in, meddle in, annex, trample)
# live in stance.toml as oppose/breach cues, so "opposes interference in China's internal affairs"
# matches `internal affairs` here and reads as support for the principle. For the same reason
# negative-concept nouns (separatism, secession, annexation, regime change, "Taiwan independence",
# territorial concessions) are NOT entries: "China firmly opposes separatism" would otherwise read
# as China opposing sovereignty. No entry contains a stance cue (respect, support, uphold ...).
name: sovereignty
stance: support
version: 1.0
description: Appeals to state sovereignty: territorial integrity, inviolable and internationally recognised borders, non-interference in internal affairs, political independence of states, self-determination, sovereign equality, "core interests" and the One-China principle, statehood.
description: Counts: "respect the sovereignty and territorial integrity of all countries", "Taiwan is China's internal affair", "borders cannot be changed by force", "Ukraine within its 1991 borders", "non-interference in each other's internal affairs", "core interests", the Five Principles of Peaceful Coexistence.
description: Does not count: strategic or "European" sovereignty in the sense of defence/industrial autonomy (that is autonomy.lex), the UN Charter as an institution (multilateralism.lex) or as law (international_law.lex), generic "independent"/"independence" (autonomy.lex, weight 0.4), and acts against sovereignty (violate, annex, interfere in, meddle in): those are breach cues in stance.toml.
description: Known weak spots: the sovereign* glob also matches false friends: "sovereign debt", "sovereign bonds", "sovereign wealth fund", "sovereign rating" (finance) and "European/technological sovereignty" (autonomy sense, double-counted with autonomy.lex); bare "territorial" also hits "territorial collectivity" (French overseas status) and "territorial army".
description: Known weak spots (2): sentences that only name the threat ("opposes separatism", "rejects territorial concessions", "annexation of Crimea") are not matched by design; "status quo", "airspace" and "national unity" are weak (low-weight) signals; "peaceful coexistence" and "non-aggression" are kept here as parts of the Five Principles although they also touch multilateralism.
---
# -- core principle --
sovereign*
sovereignty and territorial integrity | 2.0
territorial integrity | 1.5
national sovereignty | 1.5
state sovereignty | 1.5
sovereign equality | 1.5
territorial | 0.6                                  # weak: also "territorial collectivity", "territorial army"
national territory | 1.0
statehood | 1.0
nationhood | 0.8
right to exist | 0.8
# -- non-interference --
non-interference | 1.5                            # also matches noninterference / non interference
non-interference in internal affairs | 2.0
non-interference in each other's internal affairs | 2.0
non-intervention | 1.2
internal affairs | 1.2
internal affair | 1.2
domestic affairs | 1.0
internal matter | 1.0
internal matters | 1.0
domestic matter | 1.0
# -- independence of states, self-determination --
political independence | 1.2
national independence | 1.2
self-determination | 1.2
# -- borders --
inviolability | 1.0
inviolability of borders | 1.5
inviolability of frontiers | 1.5
recognized borders | 1.5                          # also inside "internationally recognized borders"
recognised borders | 1.5
1991 borders | 1.2
borders by force | 1.5                           # "borders cannot be changed by force"
redraw borders | 1.2
redrawing borders | 1.2
redrawing of borders | 1.2
existing borders | 1.0
state borders | 1.0
national borders | 0.8
border dispute | 1.0
border disputes | 1.0
territorial dispute | 1.0 | mention
territorial disputes | 1.0 | mention
occupied territories | 0.8
occupied territory | 0.8
territorial waters | 0.8
airspace | 0.6
maritime rights and interests | 1.0
maritime claims | 0.8
status quo | 0.5                                 # weak: Taiwan Strait / South China Sea usage
# -- Chinese diplomatic formulas --
core interests | 1.5
core interest | 1.5
one-china principle | 1.5
one-china policy | 1.2
national reunification | 1.2
reunification | 0.8                              # also German / Korean reunification
inalienable part | 1.2
integral part of china | 1.2
part of china's territory | 1.2
national unity | 0.6
five principles of peaceful coexistence | 1.5
peaceful coexistence | 1.0
non-aggression | 1.0
big or small | 0.8                                # "all countries, big or small, are equal"
