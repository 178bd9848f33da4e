"use client";
/**
 * Listens for the workbench's keyboard shortcuts on the window. Keys typed into a field are left
 * alone (Escape there hands focus back to the claim list); keys a widget already handled
 * (defaultPrevented) are ignored, and Enter only means "edit" on a claim row or the page itself
 * (Ctrl+Enter, submit, works from anywhere outside a field).
 */
import { useEffect, useRef } from "react";
import { resolveShortcut, type ShortcutAction, type ShortcutMode } from "~/lib/shortcut-map";

export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * `onAction` returns true when it used the key (the key's default is then prevented). `mode` is
 * read at each key (a getter), so a field key and its digit typed faster than React renders still
 * pair up.
 */
export function useShortcuts(
  mode: () => ShortcutMode,
  onAction: (action: ShortcutAction, event: KeyboardEvent) => boolean,
  onEscapeField: (field: HTMLElement) => void,
): void {
  // The latest callbacks without re-subscribing on every render.
  const latest = useRef({ mode, onAction, onEscapeField });
  latest.current = { mode, onAction, onEscapeField };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { mode, onAction, onEscapeField } = latest.current;
      const target = event.target;
      if (isTypingTarget(target)) {
        if (event.key === "Escape" && target instanceof HTMLElement) {
          event.preventDefault();
          onEscapeField(target);
        }
        return;
      }
      if (target instanceof Element && target.closest("dialog[open]")) return;
      const action = resolveShortcut(event, mode());
      if (!action) return;
      if (
        event.key === "Enter" &&
        action.type === "edit" &&
        target instanceof Element &&
        target !== document.body &&
        !target.hasAttribute("data-claim-toggle")
      )
        return;
      if (onAction(action, event)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
