/** `/`: the article list with full-text search (state lives in the URL: ?q= and ?page=). */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ArticleBrowser } from "~/components/articles/article-browser";

export const metadata: Metadata = { title: "Articles" };

export default function ArticlesPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Articles</h1>
      {/* useSearchParams needs a Suspense boundary so the shell can render without the URL. */}
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <ArticleBrowser />
      </Suspense>
    </div>
  );
}
