/** Root layout: the top navigation and the tRPC/Query providers around every page. */
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TopNav } from "~/components/shared/top-nav";
import { ZodJitless } from "~/components/shared/zod-jitless";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimdesk", template: "%s · Claimdesk" },
  description: "An analyst workbench for the attributed claims inside news articles",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ZodJitless />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <TopNav />
        <TRPCReactProvider>
          <main id="main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
