"use client";
/** /admin/assignments: the new-set form above the list of sets and their progress. */
import { AssignmentCreateForm } from "./assignment-create-form";
import { AssignmentSetList } from "./assignment-set-list";

export function AssignmentAdmin() {
  return (
    <div className="space-y-6">
      <AssignmentCreateForm />
      <section aria-labelledby="assignment-sets-heading">
        <h2 id="assignment-sets-heading" className="mb-2 text-sm font-semibold">
          Assignment sets
        </h2>
        <AssignmentSetList />
      </section>
    </div>
  );
}
