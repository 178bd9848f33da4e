"use client";
/**
 * The analyst's tags on a claim as removable chips, with an input that autocompletes over tags
 * already in use. Enter or comma adds, Backspace on an empty input removes the last, ↓ ↑ pick.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../shared/field-message";
import { useDebounced } from "../shared/use-debounced";

export function TagInput({
  tags,
  onSave,
  busy,
  error,
}: {
  tags: readonly string[];
  onSave: (tags: string[]) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(typed.trim(), 150);
  const suggestions = useQuery({
    ...trpc.tag.list.queryOptions({ query: query || undefined, limit: 8 }),
    enabled: focused,
    placeholderData: keepPreviousData,
  });
  const options = (suggestions.data?.items ?? [])
    .map((t) => t.tag)
    .filter((t) => !tags.includes(t));
  const listId = `${id}-list`;
  const showList = focused && options.length > 0;
  // The tags as last saved from here: two tags typed faster than the first save comes back must
  // both be kept (the prop still holds the list before the first one).
  const latest = useRef<readonly string[]>(tags);
  useEffect(() => {
    latest.current = tags;
  }, [tags]);
  const save = (next: string[]) => {
    latest.current = next;
    onSave(next);
  };

  const add = (raw: string) => {
    const tag = raw.trim().replace(/,+$/, "").trim();
    setTyped("");
    setActive(-1);
    if (tag === "" || latest.current.includes(tag)) return;
    save([...latest.current, tag]);
  };

  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600">
        Tags
      </label>
      <div
        className={`flex flex-wrap items-center gap-1 rounded-md border bg-white px-1.5 py-1 shadow-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600 ${
          error ? "border-red-400" : "border-slate-300"
        }`}
      >
        <ul aria-label="Tags on this claim" className="contents">
          {tags.map((tag) => (
            <li
              key={tag}
              data-testid="tag-chip"
              className="inline-flex items-center gap-0.5 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 ring-1 ring-inset ring-indigo-200"
            >
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => save(latest.current.filter((t) => t !== tag))}
                className="rounded px-0.5 text-indigo-500 hover:text-indigo-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          data-shortcut="tags"
          aria-keyshortcuts="t"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${id}-help`}
          aria-busy={busy || undefined}
          aria-invalid={error ? true : undefined}
          value={typed}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            if (typed.trim() !== "") add(typed);
          }}
          onChange={(event) => {
            const value = event.target.value;
            if (value.endsWith(",")) add(value);
            else {
              setTyped(value);
              setActive(-1);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              const picked = active >= 0 ? options[active] : undefined;
              add(picked ?? typed);
            } else if (event.key === "Backspace" && typed === "" && latest.current.length > 0) {
              save(latest.current.slice(0, -1));
            } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && showList) {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((a) => {
                const next = a + step;
                return next >= options.length ? -1 : next < -1 ? options.length - 1 : next;
              });
            } else if (event.key === "Escape" && typed !== "") {
              event.stopPropagation();
              setTyped("");
            }
          }}
          placeholder={tags.length === 0 ? "Add a tag…" : ""}
          className="min-w-[6rem] flex-1 border-0 bg-transparent px-1 py-0.5 text-sm outline-none focus-visible:outline-none"
        />
      </div>
      {showList ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Tags in use"
          className="mt-0.5 max-h-40 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-sm"
        >
          {options.map((tag, index) => (
            <div
              key={tag}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(tag)}
              onKeyDown={() => undefined}
              className="cursor-pointer px-2 py-0.5 text-sm aria-selected:bg-indigo-50 hover:bg-indigo-50"
            >
              {tag}
            </div>
          ))}
        </div>
      ) : null}
      <p id={`${id}-help`} className="mt-0.5 text-[11px] text-slate-500">
        Enter or comma adds · Backspace removes the last · ↓ ↑ pick a tag in use
        {busy ? " · Saving…" : ""}
      </p>
      <FieldMessage error={error} />
    </div>
  );
}
