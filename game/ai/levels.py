"""Difficulty levels: how well the computer plays, and what (openly) it gets.

Each level is a bundle of settings read by the rest of game/ai; its text is
what the menu shows, and it says plainly where a level cheats.  No level
cheats now: seeing through the fog of war (`sees_all`) is still a setting, but
measured alone it did not make the computer stronger (docs/ai.md), so hard
does not use it.  Hard keeps the settings that, each measured alone against
Normal, won more games than they lost, and adds a look-ahead (`plans`,
`horizon`, `samples`: game.ai.search) that plays its candidate plans out on
copies of what its side knows.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    name: str
    text: str
    blunder_percent: int   # chance that an army's orders for the turn are careless
    sees_all: bool         # sees every army even under fog of war (a stated cheat)
    heeds_threats: bool    # defends its cities against armies that can reach them
    lookahead: int         # turns of enemy marching counted as a threat to a key city
    odds_shift: int        # added to the win percent it needs before fighting
    concentrates: bool     # merges armies that stand together on the same errand
    raises: bool           # spends its treasury on new troops
    minds_supply: bool     # keeps out of unsupplied country in winter, avoids lost battles
    detachments: int = 2   # armies it may split off in a turn for goals nobody has taken
    reserve_turns: int = 12  # new troops may run its treasury down by 1/reserve_turns a turn
    shortlist: int = 4     # goals per army whose march it measures exactly (more: more search)
    margin: int = 130      # percent of a take or attack goal's need it gathers before it stops
    turn_cost: int = 80    # percent of a goal's worth lost for each turn of marching to it
    commit: int = 150      # percent: the worth of last turn's goal to the army that marched for it
    detach_reach: int = 1  # turns' march a detachment may go (above 1: also from walls in contact)
    trade_share: bool = False  # weighs a battle against walls by each side's share of its men
    plans: int = 1         # plans for the turn it plays out on a copy before choosing (search)
    horizon: int = 1       # rounds after its turn each plan is played out for
    samples: int = 1       # times each plan is played out, with different dice
    focus: int = 0         # above 0: its biggest army goes for its focus-th most valuable goal
    focus_army: int = 1    # which army `focus` moves: 1 its biggest, 2 its second biggest
    rally: int = 0         # every free army to one goal: 1 the enemy's biggest army, 2 its urgent defence
    switch: int = 0        # points a variant must score above its own plan, in every sample
    to_end: int = 0        # plays out to the war's end when at most this many rounds are left
    choice_samples: int = 0  # above 0: answers an event's choice by playing each option out
                             # on copies (each way its dice can fall, this many samples of
                             # the rest); 0: by the author's weights (game.ai.search)
    choice_switch: int = 0   # above 0: an option is passed over only if another beats it by
                             # this many points in every sample (else the best expected score)
    steady: bool = False   # an army keeps its errand: an emergency elsewhere calls it only when
                           # the free armies are too few (and not back from afar to the one it
                           # gave up), a defence and a hold of one place are one errand, a
                           # defence (not of a vital city) lasts while the enemy stays a turn
                           # further off, an army with nothing else to do keeps last turn's
                           # defence, and an aim an army has reached stays its errand.  No
                           # level: on at normal the scripted blitz took Ctesiphon in most
                           # full wars (docs/ai.md, "Steady at normal (session 10)")
    back_and_forth: int = 0  # above 0: times in a row an army may go back to the goal it
                             # gave up the turn before (A B A B); then it keeps its new goal
                             # for a turn, whatever the old one is worth now (and its note
                             # names its winter quarters, which it keeps to).  0: no limit.
                             # Normal: 2, every army, commanders' too (docs/ai.md, "The limit
                             # on every army (session 21)")
    keep_plan: int = 0     # (search) above 0: the plan it played last turn stands until
                           # another beats it by `switch` points in every sample (its own
                           # settings too), as a plan of its own settings always did; 0:
                           # each turn starts again from its own settings.  No level: at
                           # hard it ended the look-ahead's swaps in the Road but did not
                           # win more games (docs/ai.md, "Hard keeps its plan (session 13)").
                           # 2: besides, a focus plan kept from last turn sends its army on
                           # to the goal it marched for, by name, not to the goal of the
                           # plan's rank, which the ranking of every turn may change
    variant: int = 0       # (search) which of the plans (search.VARIANTS) these settings are
    in_time: bool = False  # (lookahead above 1) a vital city that no enemy can reach next
                           # turn, only later, is defended in time: an army a turn's march
                           # from it stays where it is (it could be back before the enemy),
                           # rather than marching home and out again as the threat comes
                           # and goes.  No level yet (docs/ai.md, "Hard's two-turn watch
                           # and the march home (session 13)")
    choices_without_dice: bool = False  # weighs a choice none of whose options rolls dice
                                        # of its own too (else: the author's weights)
    follows_aims: bool = True  # keeps to the campaign's plan: the scenario's `ai: aims`
                               # (where each commander goes, what he hunts); their
                               # "leave it be" and the posture hold at every level
    relief: int = 0        # above 0: its capital or a city whose loss ends the war besieged
                           # and starving, the armies shut in it join into one and sally,
                           # and those sent to relieve it march on the besiegers without
                           # stopping for other enemies and attack them, at this win percent
                           # or better (game.ai.tactics.beleaguered); 0: as at any siege
    keeps_capital: bool = False  # an army in its capital (or a city whose loss ends the war)
                                 # while an enemy able to take it is near stays to guard it,
                                 # though the campaign's plan sends its commander elsewhere
                                 # (aims.errands)
    field_defence: bool = False  # the defence of its capital (or a city whose loss ends the
                                 # war) asks for men enough to beat the threat in the field,
                                 # not only to hold the walls, when the threat outnumbers the
                                 # men inside (strategy.goals).  No level: it cost hard
                                 # games in the full war (docs/ai.md, "Hard's capital guard,
                                 # part by part (session 15)" and "Hard with the guard
                                 # alone: the cells played (session 16)")
    late_field_defence: int = 0  # above 0: that field defence in the war's last this many
                                 # months only, when a capital lost is not won back
                                 # (strategy.field_defence).  Hard: 12 (docs/ai.md, "The
                                 # field defence in the last year at hard (session 18)")
    deter_steps: bool = False  # in that window, an own city whose taking by an enemy is a
                               # step towards its victory (a palace whose sack opens a coup)
                               # is watched as a vital one and, threatened, asks for men
                               # enough to meet the threat at parity in the field
                               # (strategy.deterred_city).  Off at every level (docs/ai.md,
                               # "Meeting a threat at parity (session 23)")
    last_throw: int = 0    # above 0: in the war's last rounds, when as things stand an enemy
                           # wins at its end, the hostile cities whose taking would turn
                           # that are its armies' first errand (the campaign's plan and its
                           # "leave it be" yield); it lays siege to one whatever the odds and
                           # in the last round storms it at this win percent or better
                           # (strategy.throw_cities).  Off at every level: at hard it won
                           # one game in three more against the scripted Persians in the
                           # Road but lost one to normal (docs/ai.md, "The last throw
                           # (session 24)")
    throw_rounds: int = 1  # (last_throw) rounds after its turn within which it makes that
                           # throw: laying a siege ends an army's strikes for the round, so
                           # a storm needs the siege laid a round before (2: and the march
                           # there a round before that, which cost the Road more games)


RELIEF_FLOOR = 30   # hard: the least win percent of a sally or a relief when its capital (or a
# city whose loss ends the war) is besieged with the food gone: it falls within a few turns,
# and the war with it, so a battle lost costs less than waiting


LEVELS_BY_NAME: dict[str, Level] = {
    "easy": Level(
        "easy",
        "Easy: a careless general.  About three armies in five are given a poor order each "
        "turn (they wander or idle); it does not watch for threats to its cities, does not "
        "keep to the campaign's plan (where history sent each commander), gives battle "
        "at even odds, never merges its armies, raises no new troops and pays little heed to "
        "supply.  No bonus, and it sees only what its side can see.",
        blunder_percent=60, sees_all=False, heeds_threats=False, lookahead=1, odds_shift=-12,
        concentrates=False, raises=False, minds_supply=False, detachments=0,
        follows_aims=False),
    "normal": Level(
        "normal",
        "Normal: a sound general.  It defends what it values against the armies that can "
        "reach it next turn, concentrates before attacking, fights only at good odds, "
        "besieges what it can take, raises troops it can pay for and winters in supply.  No "
        "bonus, and it sees only what its side can see.",
        blunder_percent=0, sees_all=False, heeds_threats=True, lookahead=1, odds_shift=0,
        concentrates=True, raises=True, minds_supply=True, back_and_forth=2),
    "hard": Level(
        "hard",
        "Hard: a general who thinks ahead, and so takes longer over its turn.  Each turn it "
        "plays up to nine plans two turns ahead on copies of what its side knows, and leaves "
        "its usual plan only for one that does clearly better; it weighs an event's choices "
        "the same way when their outcome rests on the dice.  It watches two turns ahead for "
        "enemies near its capital, keeps the armies in it at home while it is in danger, and "
        "throws every army it has at the besiegers of a starving capital; in a war's last "
        "year it keeps men enough at its capital to beat the threat in the open field, not "
        "only to hold the walls.  No bonus, and it sees only what its side can see and does "
        "not know how the dice will fall.",
        blunder_percent=0, sees_all=False, heeds_threats=True, lookahead=2, odds_shift=0,
        concentrates=True, raises=True, minds_supply=True, detachments=3,
        plans=9, horizon=2, samples=2, switch=30, choice_samples=4,
        choice_switch=30, relief=RELIEF_FLOOR, keeps_capital=True,
        late_field_defence=12),
}

LEVELS: tuple[str, ...] = tuple(LEVELS_BY_NAME)
LEVELS_TEXT: dict[str, str] = {k: v.text for k, v in LEVELS_BY_NAME.items()}


def get(level: str) -> Level:
    try:
        return LEVELS_BY_NAME[level]
    except KeyError:
        raise ValueError(f"unknown difficulty {level!r}; choose one of "
                         f"{', '.join(LEVELS)}") from None
