# autonomy.lex: a state or bloc (mostly Europe, also China) acting on its own strategic judgment.
#
# Entries name the autonomy claim itself. The threat it answers ("vassal", "dependence",
# "follower") is matched only inside phrases that already assert autonomy ("not a vassal",
# "reduce dependencies"): a bare "vassal" in "refuses to become a vassal" would read as opposing
# autonomy. The "not ..." phrases contain a negator on purpose: the whole phrase is the claim.
name: autonomy
stance: support
version: 1.0
description: Claims of strategic autonomy and an independent foreign policy: European strategic autonomy and "European sovereignty" in the defence/industrial/technological sense, independent diplomacy and independent judgment, de-risking and reducing dependencies, a multipolar world, non-alignment and equidistance, Europe as a "third pole" or "balancing power", not being a vassal or follower, choosing one's own path and destiny.
description: Counts: "France maintains an independent foreign policy", "Europe must reduce its strategic dependencies" (via "reduce dependencies"/"de-risking"), "a multipolar world", "Europe should not be a vassal", "choose their own development paths", "strategic autonomy in both intent and action", "both sides should demonstrate independence".
description: Does not count: state sovereignty and territorial independence (sovereignty.lex), blocs, camps and taking sides (bloc_confrontation.lex, where "not taking sides" reads as opposing bloc politics), multilateral institutions (multilateralism.lex), "independently" (wire copy: "could not be independently verified").
description: Known weak spots: bare "autonomy" (0.6) also matches Hong Kong's or Tibet's "high degree of autonomy" and "autonomous region" contexts; bare "independence" (0.4) also matches Taiwan independence, Ukraine's independence and independence days; "European/technological/digital sovereignty" is double-counted by sovereignty.lex through its sovereign* glob.
description: Known weak spots (2): "vassal", "dependence" and "follower" outside the listed phrases are missed on purpose (polarity); "neutrality" (China's declared stance on Ukraine) is a weak signal; "diversif*" is generic economic vocabulary and kept at 0.5; "european defence" also fires on routine defence-budget news.
---
# -- strategic autonomy --
strategic autonomy | 2.0
autonomy | 0.6                                  # weak: Hong Kong / Tibet "autonomy"
strategic independence | 1.5
independence | 0.4                               # weak: Taiwan / Ukraine / independence day
independent foreign policy | 1.5
independent diplomacy | 1.5
independent and autonomous | 1.2
independent stance | 1.0
independent position | 1.0
independent path | 1.2
independent judgment | 1.0
independent judgement | 1.0
independent decisions | 0.8
freedom of action | 0.8
room for manoeuvre | 0.8
room to manoeuvre | 0.8
room for maneuver | 0.8
# -- European sovereignty (autonomy sense) --
european sovereignty | 1.5
technological sovereignty | 1.2
industrial sovereignty | 1.2
economic sovereignty | 1.0
digital sovereignty | 1.0
energy sovereignty | 1.0
european preference | 1.0
buy european | 1.0
made in europe | 0.6
european defence | 0.8
european defense | 0.8
defence union | 1.0
defense union | 1.0
european army | 1.0
european pillar | 1.0
rearm europe | 1.0
european rearmament | 1.0
geopolitical europe | 1.0
europe puissance | 1.0
third pole | 1.2
balancing power | 1.2
# -- de-risking, dependencies --
de-risk | 1.5
de-risking | 1.5
de-risked | 1.2
reduce dependencies | 1.5
reducing dependencies | 1.5
reduce dependency | 1.5
reduce dependence | 1.5
reducing dependence | 1.5
reduced dependence | 1.2
lessen dependence | 1.2
less dependent | 1.0
self-reliance | 1.2
self-reliant | 1.0
self-sufficiency | 0.8
self-sufficient | 0.8
supply chain resilience | 0.8
diversif* | 0.5                                  # generic: diversify, diversification
# -- multipolarity, non-alignment --
multi-polar | 1.2                               # matches multipolar, multi-polar, multi polar
multi-polar world | 1.5
multi-polarity | 1.2
multi-polarization | 1.0
multi-polarisation | 1.0
polycentric | 0.8
non-alignment | 1.5
non-aligned | 1.2
equidistance | 1.2
equidistant | 1.0
neutrality | 0.6
neutral position | 0.8
objective and impartial | 0.8                    # China's stated stance on Ukraine
# -- not a vassal, own path --
not a vassal | 1.5
not vassals | 1.5
not be a vassal | 1.5
not be vassals | 1.5
not become a vassal | 1.5
not become vassals | 1.5
not be followers | 1.0
not followers | 1.0
own path | 1.0
development path | 0.8
development paths | 0.8
own destiny | 1.0
own fate | 0.7
own hands | 0.6                                  # "take its destiny into its own hands"
critical dependencies
strategic dependencies
excessive dependence
excessive dependencies
over-reliance
reduce its dependence
reduce their dependence
reduce its dependencies
reduce their dependencies
not a member of any bloc | 1.5
member of no bloc | 1.5
