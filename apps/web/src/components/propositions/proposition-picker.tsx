"use client";
/**
 * Links a claim to a proposition: a combobox over the propositions (substring match, most-cited
 * first) whose last option creates a new one from what was typed. Keyboard: ↓ ↑ Enter Esc.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { fieldErrorFor, formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../shared/field-message";
import { useDebounced } from "../shared/use-debounced";

type Option =
  | { kind: "existing"; id: number; text: string; claimCount: number }
  | { kind: "create"; text: string };

export function PropositionPicker({
  propositionId,
  onChoose,
  busy,
  error,
}: {
  propositionId: number | null;
  onChoose: (propositionId: number | null) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const query = useDebounced(typed.trim(), 150);
  const current = useQuery({
    ...trpc.proposition.byId.queryOptions({ id: propositionId ?? 0 }),
    enabled: propositionId !== null,
  });
  const matches = useQuery({
    ...trpc.proposition.list.queryOptions({ query: query || undefined, limit: 8 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.proposition.create.mutationOptions({
      // A new proposition belongs in every cached list and count.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.proposition.pathKey() }),
    }),
  );

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const text = typed.trim();
  // Offer nothing while the list is for an earlier input (debounce or request pending): Enter
  // would otherwise pick a stale item, linking a proposition the analyst never searched for.
  const fresh = query === text && !matches.isPlaceholderData && !matches.isFetching;
  const items = fresh ? (matches.data?.items ?? []) : [];
  const options: Option[] = items.map((p) => ({ kind: "existing", ...p }));
  if (fresh && text.length >= 3 && !items.some((p) => p.text.toLowerCase() === text.toLowerCase()))
    options.push({ kind: "create", text });
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const close = () => {
    setOpen(false);
    setTyped("");
    setActive(0);
    create.reset();
    toggleRef.current?.focus();
  };
  const choose = async (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === "existing") {
      if (option.id !== propositionId) onChoose(option.id);
      close();
      return;
    }
    try {
      const made = await create.mutateAsync({ text: option.text });
      onChoose(made.id);
      close();
    } catch {
      // Shown from create.error next to the field.
    }
  };

  const createError = create.error
    ? (fieldErrorFor(create.error, "text") ?? formMessage(create.error))
    : undefined;
  const listId = `${id}-list`;

  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-slate-600">Proposition</span>
        <button
          ref={toggleRef}
          type="button"
          data-shortcut="proposition"
          aria-keyshortcuts="p"
          aria-expanded={open}
          onClick={() => (open ? close() : setOpen(true))}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
        >
          {open ? "Close" : propositionId !== null ? "Change proposition" : "Link proposition"}
        </button>
      </div>
      <p className="text-sm" aria-busy={busy || undefined} data-testid="proposition-current">
        {propositionId === null ? (
          <span className="text-slate-500">None: the claim is not linked to a proposition</span>
        ) : current.data ? (
          <span className="text-slate-900">{current.data.text}</span>
        ) : current.isError ? (
          <span className="text-red-700">Proposition #{propositionId} could not be loaded</span>
        ) : (
          <span className="text-slate-500">Loading…</span>
        )}
        {busy ? <span className="ml-2 text-xs text-slate-500">Saving…</span> : null}
      </p>
      <FieldMessage error={error} />
      {open ? (
        <div className="mt-1 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-sm">
          <input
            ref={inputRef}
            data-shortcut-input="proposition"
            role="combobox"
            aria-label="Find or create a proposition"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? `${listId}-${activeIndex}` : undefined}
            aria-invalid={createError ? true : undefined}
            value={typed}
            placeholder="A normalised statement, e.g. Iran directs its Iraqi allies"
            onChange={(event) => {
              setTyped(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                const step = event.key === "ArrowDown" ? 1 : -1;
                setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
              } else if (event.key === "Enter") {
                event.preventDefault();
                void choose(options[activeIndex]);
              } else if (event.key === "Escape") {
                event.preventDefault();
                event.stopPropagation();
                close();
              }
            }}
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <FieldMessage error={createError} />
          <div
            id={listId}
            role="listbox"
            aria-label="Propositions"
            className="max-h-48 overflow-y-auto"
          >
            {options.map((option, index) => (
              <div
                key={option.kind === "existing" ? option.id : "create"}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void choose(option)}
                onKeyDown={() => undefined}
                className="cursor-pointer rounded px-2 py-1 text-sm aria-selected:bg-indigo-50 hover:bg-indigo-50"
              >
                {option.kind === "existing" ? (
                  <>
                    {option.text}{" "}
                    <span className="text-[11px] text-slate-500">· {option.claimCount} claims</span>
                  </>
                ) : (
                  <span className="font-medium text-indigo-700">
                    {create.isPending ? "Creating…" : `Create “${option.text}”`}
                  </span>
                )}
              </div>
            ))}
            {options.length === 0 ? (
              <p className="px-2 py-1 text-xs text-slate-500">
                {fresh ? "Type at least 3 characters to create one." : "Searching…"}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-1 text-[11px] text-slate-500">
            <span>↓ ↑ choose · Enter link · Esc close</span>
            {propositionId !== null ? (
              <button
                type="button"
                onClick={() => {
                  onChoose(null);
                  close();
                }}
                className="rounded px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
              >
                Unlink
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
