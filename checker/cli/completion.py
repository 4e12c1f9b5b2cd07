"""``govlint completion bash|zsh|fish``: a static completion script, written from the parser itself
so it cannot drift from the options. Nothing runs at start-up: the shell completes from the script."""

from __future__ import annotations

import sys

SHELLS = ("bash", "zsh", "fish")
EPILOG = """安装：
  bash：govlint completion bash > ~/.local/share/bash-completion/completions/govlint
  zsh ：govlint completion zsh > "${fpath[1]}/_govlint"（或在 ~/.zshrc 中 eval "$(govlint completion zsh)"）
  fish：govlint completion fish > ~/.config/fish/completions/govlint.fish"""


def add_parser(sub) -> None:
    p = sub.add_parser("completion", help="输出 shell 补全脚本", description="输出 bash、zsh 或 fish 的命令补全脚本",
                       epilog=EPILOG)
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash、zsh 或 fish")
    p.set_defaults(handler=run)


def commands(parser) -> dict:
    """{command: (help, [(option strings, choices, help)])} of the top-level parser's subcommands."""
    out = {}
    for action in parser._actions:
        if not isinstance(action.choices, dict):
            continue
        helps = {a.dest: a.help for a in action._choices_actions}
        for name, sp in action.choices.items():
            opts = [(a.option_strings, list(a.choices or ()), a.help or "") for a in sp._actions if a.option_strings]
            out[name] = (helps.get(name, ""), opts)
    return out


def bash(cmds: dict) -> str:
    cases = []
    for name, (_, opts) in cmds.items():
        words = " ".join(o for strings, _, _ in opts for o in strings)
        choices = "".join(f'      {"|".join(strings)}) COMPREPLY=($(compgen -W "{" ".join(ch)}" -- "$cur")); return;;\n'
                          for strings, ch, _ in opts if ch)
        cases.append(f"    {name})\n      case \"$prev\" in\n{choices}      esac\n"
                     f"      opts=\"{words}\";;\n")
    return f"""# govlint bash completion (govlint completion bash)
_govlint() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "{' '.join(cmds)} -h --help -V --version" -- "$cur")); return
  fi
  case "${{COMP_WORDS[1]}}" in
{''.join(cases)}  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}}
complete -o default -F _govlint govlint
"""


def zsh(cmds: dict) -> str:
    return "#compdef govlint\n# govlint zsh completion (govlint completion zsh), through zsh's bash compatibility\n" \
           "autoload -U +X bashcompinit && bashcompinit\n" + bash(cmds).split("\n", 1)[1]


def fish(cmds: dict) -> str:
    def q(s: str) -> str:
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"

    lines = ["# govlint fish completion (govlint completion fish)", "complete -c govlint -f"]
    for name, (help_, opts) in cmds.items():
        lines.append(f"complete -c govlint -n __fish_use_subcommand -a {name} -d {q(help_)}")
        for strings, choices, h in opts:
            flags = " ".join(f"-l {o[2:]}" if o.startswith("--") else f"-s {o[1:]}" for o in strings)
            values = f" -xa {q(' '.join(choices))}" if choices else ""
            lines.append(f"complete -c govlint -n '__fish_seen_subcommand_from {name}' {flags}{values} -d {q(h)}")
        lines.append(f"complete -c govlint -n '__fish_seen_subcommand_from {name}' -F")
    return "\n".join(lines) + "\n"


def run(args) -> int:
    from .main import build_parser

    cmds = commands(build_parser())
    sys.stdout.write({"bash": bash, "zsh": zsh, "fish": fish}[args.shell](cmds))
    return 0
