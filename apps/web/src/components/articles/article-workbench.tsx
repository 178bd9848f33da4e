"use client";
/** The article page: text with highlighted claims beside the claim panel, linked by hover and selection. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDate } from "~/lib/format-date";
import type { TextSpan } from "~/lib/selection-offsets";
import {
  type ShortcutAction,
  type ShortcutMode,
  type SpanRole,
  VALUE_FIELDS,
} from "~/lib/shortcut-map";
import { fieldMessage, isNotFound } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { Article } from "~/trpc/types";
import { useArticleCache } from "~/trpc/use-article-cache";
import { useSessionUser } from "../auth/auth-session-user";
import type { ClaimActions } from "../claims/claim-fields";
import { ClaimPanel, needsAttention } from "../claims/claim-panel";
import { NewClaimBox, useNewClaim } from "../claims/new-claim";
import { ShortcutHelp } from "../claims/shortcut-help";
import { useShortcuts } from "../claims/use-shortcuts";
import { useUndo } from "../claims/use-undo";
import { ErrorState, LoadingState } from "../shared/query-states";
import { ArticleLanguage, SuggesterLanguageNotice } from "./article-language";
import { ArticleSubmit } from "./article-submit";
import { ArticleText, type ClaimSelection } from "./article-text";

type MarkRole = Exclude<SpanRole, "content">;
const MARK_NAMES: Record<MarkRole, string> = { sourceMention: "source mention", cue: "cue" };
const FIELD_NAMES: Record<keyof typeof VALUE_FIELDS, string> = {
  sourceStance: "Source stance",
  reportingStance: "Reporting stance",
  likelihood: "Likelihood",
  analyticConfidence: "Analytic confidence",
  credibility: "Credibility",
  verdict: "Verdict",
  quoteType: "Quote type",
};

/** Moves keyboard focus to a claim's row in the panel (after React has rendered it). */
function focusClaimRow(claimId: number): void {
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`[data-claim-id="${claimId}"] [data-claim-toggle]`)
      ?.focus({ preventScroll: false });
  });
}

/** Only http(s) links: an imported URL is untrusted and must not become `javascript:`. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function ArticleHeader({ article, children }: { article: Article; children?: React.ReactNode }) {
  const href = safeHref(article.url);
  const date = formatDate(article.publishedAt);
  const meta = [article.publisher, article.byline, date].filter(Boolean);
  return (
    <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 bg-white px-6 py-4">
      <div className="min-w-0">
        <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-500">
          <Link href="/" className="rounded hover:text-indigo-700 hover:underline">
            Articles
          </Link>{" "}
          / #{article.id}
        </nav>
        <h1 className="text-xl font-semibold leading-snug tracking-tight text-slate-900">
          {article.title?.trim() || `Untitled article #${article.id}`}
        </h1>
        <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-500">
          {meta.length > 0 ? <span>{meta.join(" · ")}</span> : null}
          <span>imported {formatDate(article.createdAt)}</span>
          <ArticleLanguage language={article.language} />
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="rounded text-indigo-700 hover:underline"
            >
              original ↗
            </a>
          ) : null}
        </p>
        <SuggesterLanguageNotice language={article.language} />
      </div>
      {children}
    </header>
  );
}

export function ArticleWorkbench({
  articleId,
  initialClaimId = null,
}: {
  articleId: number;
  initialClaimId?: number | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.article.byId.queryOptions({ id: articleId }));
  const cache = useArticleCache(articleId);
  const [selection, setSelection] = useState<ClaimSelection>(
    initialClaimId === null ? null : { id: initialClaimId, from: "panel" },
  );
  const [hoveredId, setHoveredId] = useState<number | null>(null);
  const createClaim = useMutation(trpc.claim.create.mutationOptions());
  const { can, user } = useSessionUser();
  const annotates = can("analyst");
  const submittedAt = detail.data?.submittedAt ?? null;
  // Once submitted, my layer of the article is final: the server refuses edits.
  const canEdit = annotates && submittedAt === null;
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const actionsRef = useRef<ClaimActions | null>(null);
  const [mode, setModeState] = useState<ShortcutMode>("normal");
  // The mode as of the last key (state lags a render behind keys typed in quick succession).
  const modeNow = useRef<ShortcutMode>("normal");
  const setMode = useCallback((next: ShortcutMode) => {
    modeNow.current = next;
    setModeState(next);
  }, []);
  const [markRole, setMarkRole] = useState<MarkRole | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState("");
  const claims = detail.data?.claims;
  const undo = useUndo(articleId);
  const newClaim = useNewClaim({
    articleId,
    articleText: detail.data?.article.text ?? "",
    onCreated: (claim) => {
      cache.putClaim(claim);
      setMode("normal");
      setSelection({ id: claim.id, from: "text" });
      focusClaimRow(claim.id);
      setNotice(`Created claim #${claim.id}.`);
    },
  });

  // Arriving from the queue (?claim=): focus that claim's row once the article is here.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !claims || initialClaimId === null) return;
    arrived.current = true;
    if (claims.some((c) => c.id === initialClaimId)) focusClaimRow(initialClaimId);
  }, [claims, initialClaimId]);

  const goToNextArticle = useCallback(async () => {
    setNotice("Finding the next article in the queue…");
    try {
      const result = await queryClient.fetchQuery({
        ...trpc.queue.next.queryOptions({ afterArticleId: articleId }),
        staleTime: 0,
      });
      const next = result.next;
      if (!next) {
        setNotice("The review queue is empty: nothing else needs your attention.");
      } else if (next.articleId === articleId) {
        setSelection({ id: next.firstClaimId, from: "panel" });
        focusClaimRow(next.firstClaimId);
        setNotice("This is the last article with claims to review.");
      } else {
        router.push(`/articles/${next.articleId}?claim=${next.firstClaimId}`);
      }
    } catch (error) {
      setNotice(`The review queue could not be loaded: ${(error as Error).message}`);
    }
  }, [queryClient, trpc, articleId, router]);

  const select = useCallback((claimId: number) => {
    setSelection({ id: claimId, from: "panel" });
    focusClaimRow(claimId);
  }, []);

  const onAction = (action: ShortcutAction): boolean => {
    const mode = modeNow.current;
    const list = claims ?? [];
    const index = list.findIndex((c) => c.id === selection?.id);
    const actions = actionsRef.current;
    const needClaim = (): ClaimActions | null => {
      if (!annotates) {
        setNotice("Read-only: viewers cannot edit claims.");
        return null;
      }
      if (!canEdit) {
        setNotice("Submitted: your layer of this article is final.");
        return null;
      }
      if (!actions) setNotice("Select a claim first (j / k).");
      return actions;
    };
    // A field key waits for one digit; any other key disarms it (and still does its job).
    if (typeof mode === "object") setMode("normal");
    if (mode === "newClaim") {
      switch (action.type) {
        case "escape":
          newClaim.cancel();
          setMode("normal");
          setNotice("New claim cancelled.");
          return true;
        case "next":
        case "previous":
          newClaim.moveSentence(action.type === "next" ? 1 : -1);
          return true;
        case "nudge":
          newClaim.nudge(action.edge, action.direction);
          return true;
        case "confirm":
          newClaim.confirm();
          return true;
        case "none":
          newClaim.none();
          return true;
        case "help":
          setHelpOpen(true);
          return true;
        default:
          return false;
      }
    }
    switch (action.type) {
      case "help":
        setHelpOpen(true);
        return true;
      case "escape":
        if (confirmingSubmit) {
          setConfirmingSubmit(false);
          setNotice("Not submitted.");
          return true;
        }
        if (mode === "mark" || markRole || typeof mode === "object") {
          setMode("normal");
          setMarkRole(null);
          setNotice(typeof mode === "object" ? "" : "Marking cancelled.");
          return true;
        }
        return false;
      case "next":
      case "previous": {
        if (list.length === 0) return false;
        const step = action.type === "next" ? 1 : -1;
        const to = index < 0 ? (step > 0 ? 0 : list.length - 1) : index + step;
        const claim = list[Math.max(0, Math.min(to, list.length - 1))];
        if (claim) select(claim.id);
        return true;
      }
      case "nextArticle":
        void goToNextArticle();
        return true;
      case "newClaim": {
        if (!canEdit) {
          setNotice("Read-only: viewers cannot create claims.");
          return true;
        }
        const current = list[index];
        if (newClaim.start(current ? current.contentStart : 0)) {
          setMode("newClaim");
          setNotice("New claim: j / k pick the sentence, [ ] { } its edges, Enter confirms.");
        }
        return true;
      }
      case "undo":
      case "redo":
        if (!canEdit) return false;
        void (action.type === "undo" ? undo.undo() : undo.redo()).then(setNotice);
        return true;
      case "markMode":
        if (!needClaim()) return true;
        setMode("mark");
        setNotice("Mark: press s for the source mention or c for the cue (Esc cancels).");
        return true;
      case "mark": {
        setMode("normal");
        if (!needClaim()) return true;
        const marked = actions?.markFromSelection(action.role);
        if (marked === "selection") {
          setNotice(`Marked the ${MARK_NAMES[action.role]}.`);
        } else if (marked === "guessed") {
          setNotice(
            `Adjust the ${MARK_NAMES[action.role]}: [ ] move its start, { } its end, a word at a time.`,
          );
        } else {
          setMarkRole(action.role);
          setNotice(`Select the ${MARK_NAMES[action.role]} in the text (Esc cancels).`);
        }
        return true;
      }
      case "accept":
        needClaim()?.setStatus("accepted");
        return true;
      case "reject":
        needClaim()?.setStatus("rejected");
        return true;
      case "edit":
        needClaim()?.edit();
        return true;
      case "sourcePicker":
        needClaim()?.openSource();
        return true;
      case "propositionPicker":
        needClaim()?.openProposition();
        return true;
      case "tags":
        needClaim()?.focusTags();
        return true;
      case "arm":
        if (!needClaim()) return true;
        setMode({ armed: action.field });
        setNotice(
          `${FIELD_NAMES[action.field]}: press 1–${VALUE_FIELDS[action.field].values.length}${
            VALUE_FIELDS[action.field].clearable ? " (0 clears)" : ""
          }; Esc cancels.`,
        );
        return true;
      case "setValue":
        needClaim()?.setValue(action.field, action.value);
        if (typeof mode === "object") setNotice("");
        return true;
      case "cycleSpan":
        needClaim()?.cycleSpan();
        return true;
      case "nudge":
        needClaim()?.nudge(action.edge, action.direction);
        return true;
      case "submit": {
        // Ctrl+Enter submits my layer of the whole article: first it asks, then it confirms.
        if (!annotates) {
          setNotice("Read-only: viewers do not submit.");
          return true;
        }
        if (submittedAt !== null) {
          setNotice("Already submitted: your layer of this article is final.");
          return true;
        }
        if (confirmingSubmit)
          document.querySelector<HTMLButtonElement>("[data-submit-confirm]")?.click();
        else setConfirmingSubmit(true);
        return true;
      }
      case "confirm":
      case "none":
        return false;
    }
  };

  useShortcuts(
    () => modeNow.current,
    onAction,
    (field) => {
      field.blur();
      if (selection) focusClaimRow(selection.id);
    },
  );

  const onMark = useCallback(
    (span: TextSpan) => {
      if (!markRole) return;
      actionsRef.current?.markSpan(markRole, span);
      setNotice(`Marked the ${MARK_NAMES[markRole]}: “${span.exact}”.`);
      setMarkRole(null);
    },
    [markRole],
  );

  const onCreate = useCallback(
    async (span: TextSpan): Promise<boolean> => {
      try {
        const claim = await createClaim.mutateAsync({ articleId, content: span });
        cache.putClaim(claim);
        setSelection({ id: claim.id, from: "text" });
        focusClaimRow(claim.id);
        return true;
      } catch {
        return false; // shown from createClaim.error
      }
    },
    [articleId, cache, createClaim],
  );

  if (detail.isPending) return <LoadingState label="Loading the article…" />;
  if (detail.isError) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        {isNotFound(detail.error) ? (
          <>
            <h1 className="text-lg font-semibold">Article not found</h1>
            <p className="mt-1 text-sm text-slate-600">
              There is no article #{articleId}.{" "}
              <Link href="/" className="text-indigo-700 underline">
                Back to the articles
              </Link>
            </p>
          </>
        ) : (
          <ErrorState
            title="The article could not be loaded."
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        )}
      </div>
    );
  }

  const { article } = detail.data;
  const articleClaims = detail.data.claims;
  const pendingHere = canEdit ? articleClaims.filter(needsAttention).length : 0;
  const undecided = articleClaims.filter(
    (c) => c.origin !== "analyst" && c.status === "suggested",
  ).length;
  return (
    <>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {mode === "mark" || markRole ? (
        <div
          data-testid="mark-banner"
          className="sticky top-12 z-20 border-b border-indigo-200 bg-indigo-50 px-6 py-1.5 text-sm text-indigo-900"
        >
          {markRole
            ? `Select the ${MARK_NAMES[markRole]} in the article text; Esc cancels.`
            : "Mark: s = source mention · c = cue · Esc cancels"}
        </div>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        data-testid="workbench-notice"
        className={
          notice ? "border-b border-slate-200 bg-white px-6 py-1 text-xs text-slate-700" : "sr-only"
        }
      >
        {notice}
      </p>
      <title>{`${article.title?.trim() || `Article #${article.id}`} · Claimdesk`}</title>
      <ArticleHeader article={article}>
        {annotates ? (
          <ArticleSubmit
            articleId={article.id}
            submittedAt={submittedAt}
            undecided={undecided}
            confirming={confirmingSubmit}
            onConfirming={setConfirmingSubmit}
            onSubmitted={setNotice}
          />
        ) : null}
      </ArticleHeader>
      <div className="mx-auto grid max-w-[96rem] lg:grid-cols-[minmax(0,1fr)_minmax(24rem,30rem)]">
        <section aria-label="Article text" className="min-w-0 px-6 py-6 lg:px-10">
          <div className="mx-auto max-w-[44rem]">
            <p className="mb-4 text-xs text-slate-500">
              Hover or click a highlight to find its claim. Select a passage to create a new claim.
              Press <kbd className="font-mono">?</kbd> for keyboard shortcuts
              {pendingHere > 0 ? ` · ${pendingHere} claims to review` : ""}.
            </p>
            <ArticleText
              text={article.text}
              claims={articleClaims}
              selection={selection}
              hoveredId={hoveredId}
              onHover={setHoveredId}
              onSelect={(id) => setSelection({ id, from: "text" })}
              markRole={markRole}
              onMark={onMark}
              marking={mode === "mark"}
              onCreate={canEdit ? onCreate : undefined}
              creating={createClaim.isPending}
              createError={createClaim.error ? fieldMessage(createClaim.error, "content") : null}
            />
          </div>
        </section>
        <div className="border-l border-slate-200 lg:sticky lg:top-12 lg:h-[calc(100vh-3rem)] lg:overflow-y-auto">
          <NewClaimBox state={newClaim} />
          <ClaimPanel
            articleId={article.id}
            final={submittedAt !== null}
            seesLayers={
              submittedAt !== null ||
              user?.role === "adjudicator" ||
              user?.role === "admin" ||
              user?.role === "viewer"
            }
            armed={typeof mode === "object" ? mode.armed : null}
            claims={articleClaims}
            articleText={article.text}
            actionsRef={actionsRef}
            onNextArticle={() => void goToNextArticle()}
            selection={selection}
            hoveredId={hoveredId}
            onHover={setHoveredId}
            onSelect={(id) => setSelection(id === null ? null : { id, from: "panel" })}
          />
        </div>
      </div>
    </>
  );
}
