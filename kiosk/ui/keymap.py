"""The deployer's keymap as Textual bindings, with one binding id per visitor action.

Textual's own way to let a user remap keys is a binding *id* plus
``App.set_keymap({id: "key1,key2"})`` (harlequin does the same for its
configurable keys).  So every visitor action of :mod:`kiosk.keys` is one
:class:`~textual.binding.Binding` whose id and action are the action's name
and whose default keys are the keyboard profile's; at start the app calls
``set_keymap(textual_keymap(config.keymap))`` with the deployer's keys.

Two details Textual's keymap cannot say by itself:

* "this action has no key" (``repeat = []`` on a keypad): a keymap entry
  with no keys leaves the default binding in place, so the screens'
  ``check_action`` disables the ids listed by :func:`unbound_ids`.
* "go to section *n*" needs the digit: the section keys are ten bindings,
  ``section_number_1`` ... ``section_number_9`` with the action
  ``section_number(n)``, and ``section_number_0`` for any other key a
  deployer gives to that action (it answers with the number of sections).

The bindings are priority bindings on the kiosk's screens, so a focused
widget never sees a visitor key first.
"""

from __future__ import annotations

from textual.binding import Binding

from kiosk.keys import ACTIONS, KEYBOARD_PROFILE, with_capitals

SECTION_ACTION = "section_number"
#: Keys given to "section_number" that name no section go to this id.
OTHER_SECTION_KEY = f"{SECTION_ACTION}_0"


def section_binding_id(key: str) -> str:
    """The binding id a section key belongs to: ``"3"`` -> ``section_number_3``."""
    if len(key) == 1 and key in "123456789":
        return f"{SECTION_ACTION}_{key}"
    return OTHER_SECTION_KEY


def visitor_bindings() -> list[Binding]:
    """One priority binding per visitor action (defaults: the keyboard profile)."""
    bindings: list[Binding] = []
    for info in ACTIONS:
        if info.name == SECTION_ACTION:
            continue
        keys = with_capitals(KEYBOARD_PROFILE[info.name])
        bindings.append(Binding(",".join(keys), info.name, show=False, priority=True,
                                id=info.name))
    for number in range(10):
        # "0" is no section; its binding answers "There are 8 sections."
        bindings.append(Binding(str(number), f"{SECTION_ACTION}({number})", show=False,
                                priority=True, id=f"{SECTION_ACTION}_{number}"))
    return bindings


def binding_keys(keymap: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every binding id -> its comma-separated keys in ``keymap`` ("" for none)."""
    out: dict[str, str] = {}
    for action, keys in keymap.items():
        if action == SECTION_ACTION:
            continue
        out[action] = ",".join(with_capitals(keys))
    section: dict[str, list[str]] = {f"{SECTION_ACTION}_{n}": [] for n in range(10)}
    for key in keymap.get(SECTION_ACTION, ()):
        section[section_binding_id(key)].append(key)
    out.update({binding_id: ",".join(keys) for binding_id, keys in section.items()})
    return out


def textual_keymap(keymap: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """``App.set_keymap``'s argument for a keymap from :func:`kiosk.keys.build_keymap`:
    binding id -> comma-separated keys, for the ids whose keys differ from the
    defaults (Textual applies a keymap at every key press, so the keyboard
    profile costs nothing).  An id with no key is left out: Textual cannot
    unbind through a keymap, so the screens' ``check_action`` disables the
    ids :func:`unbound_ids` lists.
    """
    defaults = {binding.id: binding.key for binding in visitor_bindings()}
    return {binding_id: keys for binding_id, keys in binding_keys(keymap).items()
            if keys and keys != defaults[binding_id]}


def unbound_ids(keymap: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The binding ids the deployer gave no key (their actions are disabled)."""
    return frozenset(binding_id for binding_id, keys in binding_keys(keymap).items()
                     if not keys)


def binding_id(action: str, parameters: tuple[object, ...]) -> str:
    """The binding id of a bound action string's parts (``section_number``, ``(3,)``)."""
    if action == SECTION_ACTION and parameters:
        return f"{SECTION_ACTION}_{parameters[0]}"
    return action


def clashes(keymap: dict[str, tuple[str, ...]]) -> set[str]:
    """Keys given to more than one binding id.  Textual notices a clash only for
    single-key keymap entries ("x", not "x,X") and then silently keeps one
    binding, so the app checks the whole keymap itself."""
    seen: dict[str, str] = {}
    clashing: set[str] = set()
    for binding_id, keys in binding_keys(keymap).items():
        for key in filter(None, keys.split(",")):
            if seen.setdefault(key, binding_id) != binding_id:
                clashing.add(key)
    return clashing


def clash_sentence(keys: set[str] | list[str]) -> str:
    """One sentence naming the keys Textual found bound twice (for the log)."""
    names = ", ".join(f"'{key}'" for key in sorted(keys))
    subject = f"key {names} is" if len(keys) == 1 else f"keys {names} are"
    return (f"[keys] {subject} given to two actions, so only one of them works; "
            "give each key to one action only.")
