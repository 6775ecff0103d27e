"""Commander traits: what each one does, in one table.

Each trait is a small, named bundle of rule changes; the rules that read it
ask `"valour" in commander.traits`, and its numbers live in the rules table
(the `trait_*` entries) so that a scenario can rebalance it.
"""
from __future__ import annotations

from game.i18n import N_

# what each trait does, for the player (marked for translation; the screen looks it up)
TRAITS: dict[str, str] = {
    "valour": N_("Leads from the front: +10% strength in battle."),
    "winter_campaigner": N_("Keeps his army fed in winter: no extra winter supply loss, "
                            "and no men lost to winter cold."),
    "fortress_defender": N_("Defends walls as if they were one level higher."),
    "siege_engineer": N_("Breaches walls faster: +15% chance a turn."),
    "duellist": N_("Seeks single combat: +5% strength, but twice the risk of dying when "
                   "beaten."),
    "glory_seeker": N_("Attacks rashly: +5% strength when attacking, -10% when defending."),
    "seasonal": N_("Campaigns in spring and summer only: the computer keeps his side at home "
                   "in autumn and winter (and events may send his army home)."),
    "tyrant": N_("Breeds unrest: +1 war-weariness a year while he rules."),
    "ruthless": N_("Sacks what he takes: double loot, but unrest at home (his side gains "
                   "war-weariness for each city he takes, where it would lose some)."),
    "inexperienced": N_("Not yet the general he will be: -2 tactics."),
}


def battle_bonus(rules, traits: list[str], attacking: bool) -> int:
    """Percent of strength a commander's traits add in battle (negative: take away)."""
    bonus = 0
    if "valour" in traits:
        bonus += rules["trait_valour"]
    if "duellist" in traits:
        bonus += rules["trait_duellist"]
    if "glory_seeker" in traits:
        bonus += rules["trait_glory_attack"] if attacking else -rules["trait_glory_defend"]
    return bonus


def effective_tactics(rules, tactics: int, traits: list[str]) -> int:
    if "inexperienced" in traits:
        return max(1, tactics - rules["trait_inexperienced"])
    return tactics
