# multilateralism.lex: the UN system, multilateral institutions and cooperative global governance.
#
# Entries name the institution or the order, never a stance on it. Negative concepts that China
# and France set against multilateralism (unilateralism, protectionism, hegemonism, blocs) are in
# bloc_confrontation.lex, so "opposes unilateralism" reads as opposing bloc confrontation there.
name: multilateralism
stance: support
version: 1.0
description: Appeals to multilateralism and the institutions that embody it: the United Nations and its Charter as an institution, the Security Council and its permanent members, the General Assembly, global governance and its reform, the WTO and multilateral trading system, G20, IMF/World Bank, a rules-based or UN-centred international order, international cooperation, common or indivisible security, China's global initiatives, "a community with a shared future".
description: Counts: "uphold true multilateralism", "the international system with the UN at its core", "as permanent members of the UN Security Council", "reform of global governance", "a rules-based international order", "strengthen international cooperation", "the legitimate security concerns of all countries".
description: Does not count: the UN Charter as a source of legal obligation ("principles of the UN Charter", "purposes and principles") is in international_law.lex; unilateralism, protectionism and bloc politics are in bloc_confrontation.lex; bilateral cooperation ("China-France cooperation") is not an entry.
description: Known weak spots: bare "un" (0.8) also matches French text and quotes ("un cessez-le-feu"); G7 and BRICS are matched at low weight because each side reads the other's club as a bloc; "international community", "global challenges" and "win-win" are boilerplate kept at 0.5; "general assembly" also fires on party or company assemblies.
description: Known weak spots (2): "un charter" (here) and "principles of the un charter" (international_law.lex) overlap, so one phrase can score in both lexicons; "collective security" is also NATO vocabulary; "globalization" is an economic as much as a diplomatic term.
---
# -- multilateralism --
multilateralism | 1.5
true multilateralism | 2.0
effective multilateralism | 2.0
multilateral | 1.0
multilaterally | 1.0
multilateralist | 1.0
# -- the United Nations --
united nations | 1.0 | mention
un | 0.8 | mention   # weak: French "un"
un security council | 1.5 | mention
united nations security council | 1.5 | mention
security council | 1.5 | mention
un charter | 1.5
united nations charter | 1.5
charter of the united nations | 1.5
un general assembly | 1.2 | mention
general assembly | 1.0 | mention
un secretary-general | 1.0 | mention
permanent members | 1.2 | mention
permanent member | 1.2 | mention
p5 | 1.0
un at its core | 2.0                              # "international system with the UN at its core"
un system | 1.0 | mention
un resolution | 1.0 | mention
un resolutions | 1.0 | mention
# -- order and governance --
global governance | 1.5
international order | 1.0
world order | 1.0
international system | 1.0
rules-based | 1.5                               # rules-based order / system
international co-operation | 1.0               # matches international cooperation
global co-operation | 1.0
collective action | 0.8
collective security | 1.0
common security | 1.0
indivisible security | 1.0
indivisibility of security | 1.0
legitimate security concerns | 1.0
security architecture | 0.8
global security initiative | 1.0
global development initiative | 1.0
global civilization initiative | 0.8
shared future | 1.0                             # "community with a shared future for mankind"
democratization of international relations | 1.2
democratisation of international relations | 1.2
democracy in international relations | 1.2
international organizations | 0.8
international organisations | 0.8
international community | 0.5
global public goods | 1.0
global south | 0.6
win-win | 0.5
# -- economic and specialised institutions --
wto | 1.2 | mention
world trade organization | 1.2 | mention
world trade organisation | 1.2 | mention
g-20 | 1.0 | mention   # matches g20, g 20, g-20
group of 20 | 1.0 | mention
group of twenty | 1.0 | mention
g-7 | 0.6 | mention
group of seven | 0.6 | mention
brics | 0.6 | mention
imf | 0.8
international monetary fund | 0.8
world bank | 0.8
bretton woods | 0.8
world health organization | 0.8
world health organisation | 0.8
iaea | 0.8
osce | 0.8
shanghai cooperation organization | 0.6
shanghai cooperation organisation | 0.6
asean | 0.6
paris agreement | 1.0
economic globalization | 0.8
economic globalisation | 0.8
globalization | 0.6
globalisation | 0.6
open world economy | 1.0
free trade | 0.6
sustainable development goals | 0.5
cop30 | 0.8 | mention
cop29 | 0.8 | mention
cop28 | 0.8 | mention
unfccc | 0.8 | mention
global biodiversity framework | 1.0
kunming-montreal | 1.0
