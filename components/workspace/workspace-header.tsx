import type { ReactNode } from "react";
import { DepartmentNav } from "@/components/workspace/department-nav";

/** The top of every page of a department's workspace: its name, then the workspace's tabs. */
export function WorkspaceHeader({ department, current, title }: { department: { name: string; code: string }; current: string; title?: string }) {
  return (
    <>
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          {department.name} ({department.code}){title ? ` — ${title}` : null}
        </h1>
      </div>
      <DepartmentNav code={department.code} current={current} />
    </>
  );
}

/** The contract a workspace page is about: its framework and wave, then what the page says of it. */
export function ContractSection({ contract, children }: { contract: { frameworkCode: string; wave: number | string }; children: ReactNode }) {
  return (
    <section aria-labelledby="contrat" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="contrat" className="text-xl font-semibold">
        Contrat {contract.frameworkCode} — vague {contract.wave}
      </h2>
      {children}
    </section>
  );
}
