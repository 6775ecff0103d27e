"""Commander traits: what each one does, in one table.

Rules ask `has_trait(state, army, "valour")`; the numbers are here because a
trait is a small, named bundle of rule changes.
"""
from __future__ import annotations

TRAITS: dict[str, str] = {
    "valour": "Leads from the front: +10% strength in battle.",
    "winter_campaigner": "Marches in winter as in summer and loses no men to winter cold.",
    "fortress_defender": "Defends walls as if they were one level higher.",
    "siege_engineer": "Breaches walls faster: +15% chance a turn.",
    "duellist": "Seeks single combat: +5% strength, but twice the risk of dying when beaten.",
    "glory_seeker": "Attacks rashly: +5% strength when attacking, -10% when defending.",
    "seasonal": "His army goes home in winter (scripted in events).",
    "treacherous": "Breaks truces (used by the computer and events).",
    "tyrant": "Breeds unrest: +1 war-weariness a year while he rules.",
    "ruthless": "Sacks what he takes: double loot, more unrest.",
    "implacable": "Refuses peace while winning (used by the computer and events).",
    "inexperienced": "Not yet the general he will be: -2 tactics.",
}

BATTLE_PERCENT = {"valour": 10, "duellist": 5}


def battle_bonus(traits: list[str], attacking: bool) -> int:
    bonus = sum(BATTLE_PERCENT.get(t, 0) for t in traits)
    if "glory_seeker" in traits:
        bonus += 5 if attacking else -10
    return bonus


def effective_tactics(tactics: int, traits: list[str]) -> int:
    return max(1, tactics - 2) if "inexperienced" in traits else tactics
