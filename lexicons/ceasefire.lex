# ceasefire.lex: stopping the fighting and settling a conflict by negotiation.
#
# Entries name the goal (a truce, talks, a settlement), never the act against it, so that
# "called for a ceasefire" reads as support and "rejected the truce" as oppose.
# "end", "stop" and "halt" are deliberately not stance cues (see stance.toml): several entries here
# are built from them ("end the fighting", "halt to hostilities").
# Escalation words are NOT entries: "warned against escalation" would read as opposing a ceasefire.
name: ceasefire
stance: support
version: 1.0
description: Calls for, offers of, or rejection of a stop to the fighting and a negotiated end to a conflict: ceasefire/cease-fire, truce, armistice, cessation or halt of hostilities, moratorium on strikes, humanitarian pause, de-escalation, laying down arms, peace talks and negotiations, peace deal/plan/process, negotiated or political settlement, mediation, disengagement and separation of forces, prisoner exchanges, post-war guarantees and monitoring.
description: Counts: "an immediate ceasefire", "a moratorium on strikes targeting energy infrastructure", "a halt to hostilities", "resume peace talks", "a just and lasting peace", "a negotiated settlement acceptable to all parties", "China is ready to play a constructive role in mediation".
description: Does not count: bare "peace" as a topic is kept at weight 0.3 and the boilerplate "peace and stability" at 0.2, because Chinese and French readouts use them in nearly every paragraph; "dialogue", "talks" and "negotiations" alone (trade talks, climate negotiations) are not entries; escalation, arms racing and war vocabulary are not entries (arms race is in bloc_confrontation.lex).
description: Known weak spots: "moratorium" and "cessation" alone also cover debt moratoria and nuclear-test moratoria (weight kept below 1); "end of the war" also matches historical references ("since the end of the war"); "mediat*" also hits mediation in labour or commercial disputes; peacekeeping and security guarantees are kept here (post-ceasefire arrangements) though they also touch multilateralism.
description: Known weak spots (2): calls to "avoid escalation", "exercise restraint" or "cool down the situation" are only partly covered ("restraint", "ease tensions", "de-escalation"); "prisoner exchange", "hostage release" and "humanitarian corridor" are matched at lower weight because they can occur without any ceasefire.
---
# -- ceasefire proper --
cease-fire | 2.0                                # matches ceasefire, cease fire, cease-fire
cease-fires | 2.0
truce | 2.0
truces | 2.0
armistice | 2.0
cessation of hostilities | 2.0
cessation of fighting | 2.0
cessation | 0.6                                  # weak: also payments, production
hostilities | 1.0
halt to hostilities | 2.0
halt to the fighting | 1.5
halt the fighting | 1.5
end the fighting | 1.5
end to the fighting | 1.5
end to fighting | 1.5
stop the fighting | 1.5
pause in fighting | 1.5
pause in the fighting | 1.5
humanitarian pause | 2.0
humanitarian pauses | 2.0
humanitarian corridor | 1.0
humanitarian corridors | 1.0
moratorium on strikes | 2.0
moratorium | 0.8                                # weak: debt / nuclear-test moratoria
lay down arms | 1.5
laying down arms | 1.5
lay down their arms | 1.5
laid down their arms | 1.5
silence the guns | 1.5
stop the killing | 1.0
stop the bloodshed | 1.2
end the bloodshed | 1.2
# -- de-escalation --
de-escalation | 1.5
de-escalate | 1.5
de-escalating | 1.5
de-escalated | 1.2
de-escalatory | 1.2
ease tensions | 1.0
easing tensions | 1.0
easing of tensions | 1.0
restraint | 0.8
cool down | 0.6                                  # "cool down the situation"
# -- ending the war --
end the war | 1.2
end to the war | 1.2
ending the war | 1.2
end of the war | 1.0                            # weak: historical references
end the conflict | 1.2
end to the conflict | 1.2
stop the war | 1.2
# -- talks and settlement --
peace talks | 1.5
peace negotiations | 1.5
peace process | 1.2
peace deal | 1.5
peace agreement | 1.5
peace accord | 1.5
peace accords | 1.5
peace settlement | 1.5
peace plan | 1.2
peace proposal | 1.2
peace initiative | 1.2
peace conference | 1.2
peace summit | 1.2
peace efforts | 0.8
just and lasting peace | 1.5
lasting peace | 1.2
durable peace | 1.2
negotiated settlement | 1.5
negotiated solution | 1.5
negotiated peace | 1.5
political settlement | 1.5
political solution | 1.2
diplomatic solution | 1.2
diplomatic settlement | 1.2
peaceful settlement | 1.2
peaceful resolution | 1.2
peaceful solution | 1.2
negotiating table | 1.0
conflict resolution | 1.0
mediat*                                        # mediation, mediator, mediate, mediated ...
good offices | 1.0
# -- arrangements on the ground --
disengagement | 1.0
separation of forces | 1.2
demilitarized zone | 1.0
demilitarised zone | 1.0
buffer zone | 1.0
line of contact | 1.0
freeze the conflict | 1.0
frozen conflict | 0.8
troop withdrawal | 1.0
withdrawal of troops | 1.0
withdrawal of forces | 1.0
prisoner exchange | 0.8
prisoner swap | 0.8
exchange of prisoners | 0.8
hostage release | 0.8
release of hostages | 0.8
confidence-building measures | 0.7
peacekeeping | 0.8
peacekeepers | 0.8
reassurance force | 1.0
security guarantees | 0.8
minsk agreements | 1.0
two-state solution | 0.8                         # the settlement formula for Israel and Palestine
post-conflict | 0.8
efforts conducive to peace | 1.2                  # Beijing's standard formula: "all efforts conducive to peace"
conducive to peace | 1.0
dialogue and negotiation | 1.0                    # "dialogue and negotiation are the only viable way out"
dialogue and negotiations | 1.0
