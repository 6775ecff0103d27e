"""The rules table: every number the rules use, in one place, as data.

A scenario may override any entry under its `rules:` key.  Values are
integers (the rules avoid floats so that every machine plays the same game);
percentages are written as whole numbers.  Movement points are half-steps:
crossing a plain costs 2, so a road (cost 1) doubles the pace.
"""
from __future__ import annotations

from types import MappingProxyType

# key: (default, description)
RULES: dict[str, tuple[int, str]] = {
    # --- movement ---
    "move_points_season": (16, "Movement points an army has in a seasonal turn."),
    "move_points_month": (12, "Movement points an army has in a monthly turn."),
    "cost_plain": (2, "Points to enter a plain hex."),
    "cost_farmland": (2, "Points to enter farmland."),
    "cost_steppe": (2, "Points to enter steppe."),
    "cost_desert": (3, "Points to enter desert."),
    "cost_hills": (3, "Points to enter hills."),
    "cost_forest": (3, "Points to enter forest."),
    "cost_marsh": (4, "Points to enter marsh."),
    "cost_mountains": (5, "Points to enter mountains."),
    "cost_pass": (4, "Points to enter a pass hex (whatever its terrain) while it is open."),
    "cost_sea": (1, "Points per sea hex for an embarked army."),
    "cost_embark": (4, "Extra points to embark at a port or to land on a coast."),
    "cost_river": (2, "Extra points to cross a river with no bridge, ford or road."),
    "cost_ford": (1, "Extra points to cross a river at a ford."),
    "winter_rough_percent": (200, "Winter cost of hills, mountains and passes, in percent."),
    "strategy_move_bonus": (1, "Extra movement points for a commander with strategy of at least "
                               "strategy_move_min."),
    "strategy_move_min": (8, "Strategy a commander needs for strategy_move_bonus."),
    # --- combat ---
    "rating_average": (5, "An average commander's rating: tactics and siegecraft above it help, "
                          "below it hurt."),
    "tactics_percent_per_point": (6, "Strength per point of commander tactics above or below "
                                     "rating_average."),
    "battle_morale_par": (70, "Morale at which an army fights at its full strength; each 2 points "
                              "above or below it is 1% more or less."),
    "battle_supply_par": (50, "Supply below which an army fights weaker: 1% per 2 points short."),
    "battle_quality_min": (30, "Least strength an army keeps, percent of its men, however led, "
                               "tired or hungry."),
    "rout_ratio": (200, "Winner's strength (after the random factors) against the loser's, "
                        "percent, from which a battle is a rout."),
    "rout_loser_extra": (10, "Extra men a routed army loses, percent."),
    "rout_winner_less": (5, "Fewer men the winner of a rout loses, percent (at least 1% still)."),
    "defence_hills": (20, "Defender's bonus in hills, percent."),
    "defence_mountains": (40, "Defender's bonus in mountains, percent."),
    "defence_forest": (20, "Defender's bonus in forest, percent."),
    "defence_marsh": (15, "Defender's bonus in marsh, percent."),
    "defence_river": (25, "Defender's bonus when attacked across a river without a bridge."),
    "defence_per_wall": (25, "Defender's bonus per level of walls when fighting in its city."),
    "amphibious_penalty": (40, "Attacker's strength lost when attacking from the sea, percent."),
    "battle_roll_min": (75, "Lowest random factor applied to each side's strength, percent."),
    "battle_roll_max": (125, "Highest random factor, percent."),
    "loss_loser_min": (15, "Fewest men the loser of a battle loses, percent."),
    "loss_loser_max": (35, "Most men the loser loses, percent."),
    "loss_winner_min": (5, "Fewest men the winner loses, percent."),
    "loss_winner_max": (15, "Most men the winner loses, percent."),
    "loss_no_retreat": (50, "Extra loss of a beaten army that cannot retreat, percent."),
    "morale_win": (10, "Morale gained by the winner."),
    "morale_loss": (20, "Morale lost by the loser."),
    "commander_death_percent": (8, "Chance a beaten army's commander dies."),
    "min_army_men": (200, "An army with fewer men than this disbands."),
    # --- sieges ---
    "siege_food_season": (2, "Turns of food a besieged city holds, seasonal turns."),
    "siege_food_month": (5, "Turns of food a besieged city holds, monthly turns."),
    "siege_starve_percent": (30, "Garrison lost each turn once the food is gone, percent "
                                 "(armies shut in the city lose as much)."),
    "siege_mouths_max": (300, "An army shut in a besieged city makes its food run out sooner: "
                              "the turns of food are divided by (garrison + army) / garrison, "
                              "counted up to this percent; at least one turn is left."),
    "siege_breach_percent": (25, "Base chance a turn of siege knocks a level off the walls."),
    "siege_breach_per_point": (5, "Extra breach chance per point of commander siegecraft "
                                  "above rating_average (less below it)."),
    "siege_skill_leaderless": (3, "Siegecraft of besiegers or stormers with no commander."),
    "assault_per_siege_point": (5, "Stormers' strength per point of commander siegecraft above "
                                   "or below rating_average, percent."),
    "assault_wall_percent": (60, "Defender's bonus per level of walls in an assault."),
    "assault_extra_loss": (10, "Extra losses an assaulting army takes, percent."),
    "assault_repulse_min": (5, "Fewest of the garrison lost in beating off an assault, percent."),
    "assault_repulse_max": (15, "Most of the garrison lost in beating off an assault, percent."),
    "capture_garrison_percent": (10, "Share of the capturing army left as the new garrison."),
    "capture_loot_per_income": (3, "Treasury taken per point of a captured city's income."),
    # --- supply (per season; a monthly turn takes a third, rounded up) ---
    "supply_range": (10, "Movement points from a friendly city within which an army is supplied."),
    "supply_gain": (40, "Supply regained in a turn within supply range."),
    "supply_loss": (20, "Supply lost in a turn out of supply range."),
    "supply_loss_harsh": (10, "Extra supply lost in winter, desert or mountains."),
    "attrition_threshold": (50, "Below this supply an army loses men each turn."),
    "attrition_per_10": (2, "Men lost per 10 points of supply below the threshold, percent."),
    "winter_attrition": (3, "Men lost in a winter turn in mountains, peaks' edges or desert."),
    "morale_recovery": (5, "Morale regained in a turn in supply, up to morale_base."),
    "morale_base": (70, "Morale an army recovers to when rested and supplied."),
    "forage_percent": (50, "Share of supply loss avoided in farmland outside winter."),
    # --- economy ---
    "upkeep_per_1000": (6, "Upkeep a month per 1000 men in armies, thousands of solidi.  A city's "
                        "income is its whole revenue, so war gets only part of it."),
    "garrison_upkeep_per_1000": (6, "Upkeep a month per 1000 men in garrison, of which a "
                                    "garrison pays half (so this much per 2000 men)."),
    "raise_cost_per_1000": (20, "Cost to raise 1000 men."),
    "raise_max_per_month": (1500, "Most men one city can raise a month."),
    "unpaid_morale": (10, "Morale lost by every army when upkeep cannot be paid."),
    "unpaid_desertion": (5, "Men who desert when upkeep cannot be paid, percent."),
    # --- war-weariness ---
    "weariness_per_10000_lost": (2, "War-weariness gained per 10000 men lost."),
    "weariness_city_lost": (2, "War-weariness gained when a city is lost."),
    "weariness_holy_lost": (8, "War-weariness gained when a holy city is lost."),
    "weariness_capital_lost": (15, "War-weariness gained when the capital is lost."),
    "weariness_yearly": (2, "War-weariness gained each year at war."),
    "weariness_peace_recovery": (3, "War-weariness lost each year at peace."),
    "weariness_quiet_recovery": (5, "War-weariness lost in a year at war in which the "
                                    "faction lost fewer than `weariness_quiet_men` men."),
    "weariness_quiet_men": (8000, "Men lost in a year below which the year counts as quiet."),
    "weariness_city_won": (1, "War-weariness lost when a city is taken."),
    "weariness_tyrant": (1, "War-weariness gained each year while a tyrant rules."),
    # --- sight ---
    "sight_army": (2, "Hexes an army sees."),
    "sight_city": (2, "Hexes a city sees."),
    "sight_walls_bonus": (1, "Extra sight of a city with walls of at least sight_walls_min."),
    "sight_walls_min": (3, "Walls a city needs for sight_walls_bonus."),
    "sight_hills_bonus": (1, "Extra sight from hills or mountains."),
    "sight_cover_penalty": (1, "Forest and mountain hexes are seen only from this many hexes "
                               "closer (a hex next to an army or city is always seen)."),
    # --- commander traits (what each does: game/rules/traits.py) ---
    "trait_valour": (10, "Strength in battle of an army led by a commander of valour, percent."),
    "trait_duellist": (5, "Strength in battle of an army led by a duellist, percent."),
    "trait_duellist_death": (200, "A beaten duellist's chance of dying, percent of the usual."),
    "trait_glory_attack": (5, "Strength of a glory seeker's army when it attacks, percent."),
    "trait_glory_defend": (10, "Strength a glory seeker's army loses when it defends, percent."),
    "trait_siege_engineer": (15, "Extra chance a turn that a siege engineer breaches the walls."),
    "trait_inexperienced": (2, "Tactics an inexperienced commander lacks (never below 1)."),
    "trait_ruthless_loot": (200, "Loot a ruthless commander takes from a city, percent of the "
                                 "usual (capture_loot_per_income)."),
    "trait_ruthless_unrest": (2, "War-weariness a ruthless commander's own side gains each time "
                                 "he takes a city (besides losing weariness_city_won)."),
    # --- loyalty ---
    "disloyal_below": (5, "A commander whose loyalty is below this is disloyal."),
    "disloyal_desertion": (200, "Men who desert an unpaid army under a disloyal commander, "
                                "percent of unpaid_desertion."),
}

DEFAULTS = MappingProxyType({k: v[0] for k, v in RULES.items()})

# What a scenario may set a rule to, both ends included.  A rule not listed
# here may be 0 to RULE_MAX.  The bounds keep an override from breaking play:
# a shares-of-men rule above 100 would take more men than there are, an
# empty or enormous random range cannot be rolled, an army of 0 men would
# never disband.
RULE_MAX = 10_000
_PERCENT = (0, 100)
LIMITS: dict[str, tuple[int, int]] = {
    "amphibious_penalty": _PERCENT,
    "battle_roll_min": (1, 1000),
    "battle_roll_max": (1, 1000),
    "loss_loser_min": _PERCENT,
    "loss_loser_max": _PERCENT,
    "loss_winner_min": _PERCENT,
    "loss_winner_max": _PERCENT,
    "loss_no_retreat": _PERCENT,
    "commander_death_percent": _PERCENT,
    "min_army_men": (1, RULE_MAX),
    "siege_starve_percent": _PERCENT,
    "siege_mouths_max": (100, 1000),
    "assault_extra_loss": _PERCENT,
    "capture_garrison_percent": _PERCENT,
    "attrition_threshold": _PERCENT,
    "attrition_per_10": _PERCENT,
    "winter_attrition": _PERCENT,
    "morale_base": _PERCENT,
    "forage_percent": _PERCENT,
    "unpaid_desertion": _PERCENT,
    "rating_average": (1, 10),
    "battle_morale_par": _PERCENT,
    "battle_supply_par": _PERCENT,
    "battle_quality_min": (1, 1000),
    "rout_ratio": (100, RULE_MAX),
    "rout_loser_extra": _PERCENT,
    "rout_winner_less": _PERCENT,
    "siege_skill_leaderless": (1, 10),
    "strategy_move_min": (1, 11),
    "assault_repulse_min": _PERCENT,
    "assault_repulse_max": _PERCENT,
    "sight_walls_min": (0, 11),
    "trait_glory_defend": _PERCENT,
    "trait_inexperienced": (0, 10),
    "trait_ruthless_unrest": _PERCENT,
    "disloyal_below": (0, 11),
    "disloyal_desertion": (0, 1000),
}
# Pairs (low, high) where the first may not exceed the second.
ORDERED: tuple[tuple[str, str], ...] = (
    ("battle_roll_min", "battle_roll_max"),
    ("loss_loser_min", "loss_loser_max"),
    ("loss_winner_min", "loss_winner_max"),
    ("assault_repulse_min", "assault_repulse_max"),
)


def limits(key: str) -> tuple[int, int]:
    return LIMITS.get(key, (0, RULE_MAX))


def rule_problems(overrides: dict[str, int]) -> list[tuple[str, str]]:
    """(rule, why) for each override out of its range or out of order with its pair."""
    out = []
    for k, v in overrides.items():
        lo, hi = limits(k)
        if k in RULES and not lo <= v <= hi:
            shown = v if abs(v) < 10**12 else ("a huge number" if v > 0 else "a huge negative number")
            out.append((k, f"{shown} is outside the allowed range {lo}-{hi}"))
    merged = make_rules(overrides)
    for a, b in ORDERED:
        if merged[a] > merged[b] and (a in overrides or b in overrides):
            out.append((a if a in overrides else b,
                        f"{a} ({merged[a]}) must not be above {b} ({merged[b]})"))
    return out


def make_rules(overrides: dict[str, int] | None = None) -> MappingProxyType:
    merged = dict(DEFAULTS)
    if overrides:
        merged.update(overrides)
    return MappingProxyType(merged)
