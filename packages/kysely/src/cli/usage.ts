/** What `axor-kysely --help` prints. */
export const USAGE = `Usage: axor-kysely <command> [options]

Commands:
  migrate                      apply Axor's pending migrations
  status                       list Axor's migrations and whether each is applied;
                               exits 2 while one is pending
  cleanup                      delete expired sessions, tokens, one-time tokens and ended
                               rate-limit windows, in batches (run it from cron)
  users create                 create a user: --email, --first-name, --last-name, and
                               --password-stdin to read a password from standard input
                               (without it the user signs in by magic link); --verified
  users list                   list users: --search, --offset, --limit, --json
  users disable <id|email>     disable a user: their sessions and tokens stop at once
  users enable <id|email>      enable a disabled user
  users delete <id|email>      delete a user (their security events stay; --purge-events)
  import-django-axor           bring a Django Axor database over (--help after it for its
                               options)

Options:
  -d, --database <url>   a SQLite file path, ":memory:", a postgres:// or a mysql:// URL
                         (default: the AXOR_DATABASE environment variable)
  -p, --prefix <prefix>  table prefix (default: axor_)
      --batch-size <n>   cleanup: rows of each kind per batch (default 1000)
  -h, --help             show this help
`;
