/**
 * `pnpm worker user create|list|set-role|disable|enable`: account administration from the
 * machine that holds the database, no sign-in needed (whoever can run the worker can already
 * read and write the database file). The password is read from stdin or an environment
 * variable, never from the command line, where other users of the machine could see it.
 */
import { type Db, InvalidInputError, listUsers, updateUser } from "@claimdesk/db";
import { type TUserRole, USER_ROLES, ZUserRoleSchema } from "@claimdesk/types";
import { type Command, InvalidArgumentError, Option } from "commander";

function parseRole(value: string): TUserRole {
  const role = ZUserRoleSchema.safeParse(value);
  if (!role.success) throw new InvalidArgumentError(`Use one of ${USER_ROLES.join(", ")}.`);
  return role.data;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function findUserId(db: Db, email: string): number {
  const user = listUsers(db).find((u) => u.email === email.trim().toLowerCase());
  if (!user) throw new InvalidArgumentError(`No account with the email ${email}.`);
  return user.id;
}

export function registerUserCommand(program: Command, context: { openDb: () => Db }): void {
  const user = program.command("user").description("Manage the web app's accounts");

  user
    .command("create")
    .description("Create an account (e.g. the first admin: --admin)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--name <name>", "display name")
    .addOption(
      new Option("--role <role>", `one of ${USER_ROLES.join(", ")}`)
        .argParser(parseRole)
        .default("analyst"),
    )
    .option("--admin", "shorthand for --role admin")
    .option("--password-env <var>", "read the password from this environment variable")
    .action(
      async (opts: {
        email: string;
        name: string;
        role: TUserRole;
        admin?: boolean;
        passwordEnv?: string;
      }) => {
        // Loaded here, not at the top: the auth stack costs every worker command (an import's
        // peak memory included) about 45 MB of RSS, and only this command needs it.
        const { createUserWithPassword, WeakPasswordError } = await import("@claimdesk/auth");
        const password = opts.passwordEnv
          ? (process.env[opts.passwordEnv] ?? "")
          : await readStdin();
        const db = context.openDb();
        try {
          const created = await createUserWithPassword(
            db,
            {
              name: opts.name,
              email: opts.email,
              password,
              role: opts.admin ? "admin" : opts.role,
            },
            null,
          );
          console.log(
            `Created ${created.role} ${created.name} <${created.email}> (user ${created.id}).`,
          );
        } catch (error) {
          if (error instanceof WeakPasswordError || error instanceof InvalidInputError) {
            console.error(`Error: ${error.message}`);
            process.exitCode = 1;
          } else throw error;
        } finally {
          db.$client.close();
        }
      },
    );

  user
    .command("list")
    .description("List accounts")
    .action(() => {
      const db = context.openDb();
      try {
        for (const u of listUsers(db))
          console.log(
            `${u.id}\t${u.role}\t${u.disabled ? "disabled" : "active"}\t${u.email}\t${u.name}`,
          );
      } finally {
        db.$client.close();
      }
    });

  const setDisabled = (name: string, description: string, disabled: boolean) =>
    user
      .command(name)
      .description(description)
      .argument("<email>", "the account's email")
      .action((email: string) => {
        const db = context.openDb();
        try {
          const after = updateUser(db, findUserId(db, email), { disabled }, null);
          console.log(`${after.email}: ${after.disabled ? "disabled" : "active"}.`);
        } finally {
          db.$client.close();
        }
      });
  setDisabled("disable", "Disable an account (signs it out everywhere; its work stays)", true);
  setDisabled("enable", "Enable a disabled account", false);

  user
    .command("set-role")
    .description("Change an account's role")
    .argument("<email>", "the account's email")
    .argument("<role>", USER_ROLES.join(" | "), parseRole)
    .action((email: string, role: TUserRole) => {
      const db = context.openDb();
      try {
        const id = findUserId(db, email);
        const after = updateUser(db, id, { role }, null);
        console.log(`${after.email}: ${after.role}.`);
      } finally {
        db.$client.close();
      }
    });
}
