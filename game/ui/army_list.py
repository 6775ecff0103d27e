"""The list of a side's armies (L): sortable by name, men, movement left or supply;
clicking a row selects that army on the map and centres on it."""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UISelectionList, UIWindow

from game.i18n import N_, _, number
from game.ui import describe
from game.rules import movement as M
from game.rules import queries as Q
from game.ui.dialogs import centred
from game.ui.scale import px

SORTS = {"name": (N_("By name"), lambda a: (a.name.lower(), a.id)),
         "men": (N_("By men"), lambda a: (-a.men, a.id)),
         "moves": (N_("By movement left"), lambda a: (-a.moves, a.id)),
         "supply": (N_("By supply"), lambda a: (a.supply, a.id))}


def rows(view, side: str, sort: str) -> list[tuple[str, str]]:
    """(army id, its row) for the side's armies as its View shows them, sorted."""
    state = view.world
    armies = sorted((a for a in view.armies.values() if a.faction == side),
                    key=SORTS[sort][1])
    out = []
    for a in armies:
        where = describe.place_phrase(state, a.hex)      # 'at Dara', 'near Tiflis', 'in Armenia'
        out.append((a.id, _("{army}: {men} men, movement {moves} of {budget}, supply {supply}, "
                            "morale {morale}, {place}").format(
            army=describe.army_name(state, a), men=number(a.men), moves=a.moves,
            budget=M.move_budget(state, a), supply=a.supply, morale=a.morale, place=where)))
    return out


class ArmyList(UIWindow):
    def __init__(self, manager, size, view, side: str, on_pick, sort: str = "name"):
        rect = centred(size, (760, 520), margin=60)
        super().__init__(rect, manager, window_display_title=_("Your armies (L)"),
                         object_id="#army_list")
        self.view, self.side, self.on_pick = view, side, on_pick
        self.is_army_list = True
        inner = self.get_container().get_rect()
        bw = (inner.w - px(20) - px(8) * (len(SORTS) - 1)) // len(SORTS)
        self.sort_btns: dict[str, UIButton] = {}
        for i, (key, (label, _order)) in enumerate(SORTS.items()):
            self.sort_btns[key] = UIButton(pygame.Rect(px(10) + i * (bw + px(8)), px(8), bw,
                                                       px(32)),
                                           _(label), manager, container=self,
                                           tool_tip_text=_("Sort the list this way"))
        self.list = UISelectionList(pygame.Rect(px(10), px(48), inner.w - px(20),
                                                inner.h - px(58)), [],
                                    manager, container=self)
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.row = -1                        # the row the arrow keys picked
        self.sort = sort
        self.resort(sort)

    def resort(self, sort: str) -> None:
        self.sort = sort
        found = rows(self.view, self.side, sort)
        self.ids = [aid for aid, _text in found]
        self.texts = [text for _aid, text in found]
        self.row = -1
        self._show()
        for key, b in self.sort_btns.items():
            if key == sort:
                b.disable()
            else:
                b.enable()

    def _show(self) -> None:
        self.list.set_item_list([(("> " if i == self.row else "") + text, f"#army_{i}")
                                 for i, text in enumerate(self.texts)]
                                or [(_("No armies"), "#none")])

    def on_key(self, key: int) -> bool:
        """Up and Down pick a row (marked >), Enter selects its army.  True when used."""
        if not self.ids:
            return False
        if key in (pygame.K_DOWN, pygame.K_UP, pygame.K_TAB):
            step = -1 if key == pygame.K_UP else 1
            self.row = (self.row + step) % len(self.ids) if self.row >= 0 else 0
            self._show()
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.row >= 0:
            aid = self.ids[self.row]
            self.kill()
            self.on_pick(aid)
            return True
        return False

    def handle(self, event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, b in self.sort_btns.items():
                if event.ui_element is b:
                    self.resort(key)
                    return True
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and \
                event.ui_element is self.list:
            sel = self.list.get_single_selection(include_object_id=True)
            if sel is not None and sel[1].startswith("#army_"):
                aid = self.ids[int(sel[1].split("_")[-1])]
                self.kill()
                self.on_pick(aid)
            return True
        return False
