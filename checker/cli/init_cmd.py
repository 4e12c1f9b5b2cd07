"""``govlint init``: write a commented starter configuration (.govlint.yaml, or [tool.govlint])."""

from __future__ import annotations

import sys
from pathlib import Path

YAML_STARTER = """\
# govlint 配置。govlint 从每个被检查的文件所在目录向上查找 .govlint.yaml 或含 [tool.govlint]
# 的 pyproject.toml，最近的一个生效（不合并）。相对路径相对于本文件所在目录。
# 全部配置项及含义：README “配置文件”一节；规则列表：govlint rules。

# 只启用这些规则（代码或前缀）；不写表示全部规则。
# select: [GL1, GL2]
# 在 select 之外再启用：
# extend-select: [GL9]
# 停用的规则（代码或前缀）；更具体的选择优先，例如 select GL3 + ignore GL301。
# ignore: [GL110]

# 调整级别（error / warning / info），最长的代码前缀优先。
# severity:
#   GL108: info

# 按文件停用规则：glob 相对于本文件目录；不含 / 的 glob 匹配文件名。
# per-file-ignores:
#   "archive/**": [GL1]
#   "*-草稿.txt": [GL107]

# 达到该级别的问题时退出码为 1（error / warning / info）。
fail-on: error

# 强制使用的模板（2021 / 2019 / pre2019）；不写则按报告年份自动选择。
# template: "2021"

# 报告应有的发布机关全称（用于标题和落款的一致性检查）。
# agency: 广州市某某区人民政府

# 额外词表（每行一个词），供垃圾广告/品牌词规则使用。
# lexicon-files: [govlint/lexicon.txt]

# 统计表空白（或“/”“—”）单元格：ignore（不报告）、info、warn（默认）、error（按该级别报告）；勾稽计算均按 0。
# blank-cell-policy: warn

# 汉字与数字、字母之间的空格（GL708）：none（默认，公文写法“2017年”）、space（“2017 年”）、ignore（不检查）。
# cjk-spacing: none

# 额外的规则文件（内置规则种类的 YAML，按 JSON Schema 校验）。
# rule-files: [govlint/rules.yaml]

# 默认输出格式（当前目录适用的配置生效）：text、concise、json、json-lines、sarif、github、gitlab、junit。
# output-format: text
"""

TOML_STARTER = """
[tool.govlint]
# govlint 配置（见 README “配置文件”）。相对路径相对于本文件所在目录。
# select = ["GL1", "GL2"]
# extend-select = ["GL9"]
# ignore = ["GL110"]
fail-on = "error"
# template = "2021"
# agency = "广州市某某区人民政府"
# lexicon-files = ["govlint/lexicon.txt"]
# blank-cell-policy = "warn"
# cjk-spacing = "none"
# rule-files = ["govlint/rules.yaml"]
# output-format = "text"

# [tool.govlint.severity]
# GL108 = "info"

# [tool.govlint.per-file-ignores]
# "archive/**" = ["GL1"]
"""


def add_parser(sub) -> None:
    p = sub.add_parser("init", help="写入带注释的初始配置文件", description="在目录中写入 .govlint.yaml（或向 pyproject.toml 添加 [tool.govlint]）",
                       epilog="示例：\n  govlint init              在当前目录写入 .govlint.yaml\n"
                              "  govlint init --pyproject  向 pyproject.toml 添加 [tool.govlint]")
    p.add_argument("directory", nargs="?", default=".", metavar="DIR", help="写入的目录（默认当前目录）")
    p.add_argument("--pyproject", action="store_true", help="写入 pyproject.toml 的 [tool.govlint] 表")
    p.add_argument("--force", action="store_true", help="覆盖已有的 .govlint.yaml")
    p.set_defaults(handler=run)


def run(args) -> int:
    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"govlint: {directory}: 目录不存在", file=sys.stderr)
        return 2
    if args.pyproject:
        return _pyproject(directory / "pyproject.toml")
    target = directory / ".govlint.yaml"
    if target.exists() and not args.force:
        print(f"govlint: {target} 已存在（--force 覆盖）", file=sys.stderr)
        return 2
    target.write_text(YAML_STARTER, encoding="utf-8")
    print(f"已写入 {target}")
    return 0


def _pyproject(target: Path) -> int:
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    if "[tool.govlint" in existing:
        print(f"govlint: {target} 已有 [tool.govlint]，未修改", file=sys.stderr)
        return 2
    sep = "" if not existing or existing.endswith("\n") else "\n"
    target.write_text(existing + sep + (TOML_STARTER if existing else TOML_STARTER.lstrip("\n")), encoding="utf-8")
    print(f"已向 {target} 添加 [tool.govlint]")
    return 0
