# international_law.lex: international law as a binding standard: its sources, courts and duties.
#
# Entries name the body of law, a court, an obligation or a legal principle. Acts against the law
# (violate, breach, flout, contravene, "run counter to", illegal, unlawful) are stance cues in
# stance.toml, not entries, so "Russia violated international law" reads as a breach of it.
name: international_law
stance: support
version: 1.0
description: Appeals to international law as binding: international law and the principles of the UN Charter, international humanitarian law and the Geneva Conventions, the law of the sea, treaties and treaty obligations, legal obligations and legality, accountability, war crimes and crimes against humanity, the ICC, the ICJ and arbitration, the non-use of force and self-defence, protection of civilians.
description: Counts: "in accordance with international law", "the purposes and principles of the UN Charter", "the basic norms governing international relations", "respect for international humanitarian law", "those responsible for war crimes must be held accountable", "the ICC arrest warrant", "the 2016 arbitral award".
description: Does not count: the UN and its Charter as an institution ("UN Charter", "Security Council") are in multilateralism.lex; sovereignty and territorial integrity as such are in sovereignty.lex; words for breaking the law (violate, illegal, unlawful) are stance cues; human rights as a topic of its own are not entries (only "human rights law").
description: Known weak spots: "war crimes", "crimes against humanity" and "crime of aggression" name the breach, not the law, so "France condemned war crimes" reads as oppose although it upholds the law; "accountab*" and "rule of law" also fire on domestic politics; "treaty" also covers bilateral trade and investment treaties.
description: Known weak spots (2): "tribunal" and "arrest warrant" also match national courts; "arms control" and the NPT sit here although they are also multilateral; "lawful" is weak (also "lawful interception", "lawful business"), and "self-defence" is used by every side for its own operations.
---
# -- international law --
international law | 2.0
international legal | 1.2                        # international legal order / obligations
legal order | 1.0
international humanitarian law | 2.0
humanitarian law | 1.5
laws of war | 1.5
law of war | 1.5
law of armed conflict | 1.5
human rights law | 1.2
law of the sea | 1.2
unclos | 1.2
jus cogens | 1.5
pacta sunt servanda | 1.5
# -- UN Charter as law, norms --
principles of the un charter | 1.5
purposes and principles | 1.5
charter principles | 1.5
norms governing international relations | 1.5
international norms | 1.0
international rules | 1.0
use of force | 1.2
non-use of force | 1.5
self-defence | 0.8
self-defense | 0.8
article 51 | 1.0
# -- treaties and obligations --
legal obligations | 1.2
legal obligation | 1.2
international obligations | 1.2
treaty obligations | 1.5
legally binding | 1.2
treaty | 0.8
treaties | 0.8
geneva conventions | 1.5
geneva convention | 1.5
hague conventions | 1.0
vienna convention | 1.0
non-proliferation treaty | 1.0
npt | 1.0
arms control | 0.6
international commitments | 0.8
international agreements | 0.6
ratif* | 0.6                                    # ratify, ratified, ratification
signator* | 0.6                                 # signatory, signatories
states parties | 0.8
state party | 0.8
lawful | 0.8
legality | 1.0
legal basis | 1.0
rule of law | 0.6                              # weak: domestic politics
# -- humanitarian law in conduct of hostilities --
proportionality | 1.0
protection of civilians | 1.2
civilian infrastructure | 0.8
humanitarian access | 1.0
humanitarian principles | 1.0
occupying power | 1.2
prisoners of war | 1.0
# -- courts, crimes, accountability --
international criminal court | 1.5
icc | 1.5
rome statute | 1.5
international court of justice | 1.5
icj | 1.5
world court | 1.0
permanent court of arbitration | 1.2
arbitral award | 1.2
arbitral tribunal | 1.2
special tribunal | 1.0
tribunal | 0.6
international justice | 1.0
universal jurisdiction | 1.2
arrest warrant | 0.8
arrest warrants | 0.8
accountab* | 0.8                               # accountability, accountable
war crimes | 1.2                               # names the breach: see description
war crime | 1.2
crimes against humanity | 1.2
crime of aggression | 1.0
reparations | 0.8
