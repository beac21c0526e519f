#!/usr/bin/env python3
"""Generate a long annual report (about 300 A4 pages) for `make bench`.

The document follows styles/report.rng like docs/reports/2022.xml: meta, a
greeting, chapters of sections with paragraphs, lists, footnotes, links,
cross-references, tables of events, a membership table, a financial summary
and a board list.  Paragraphs are recombined from the sentence fragments
below (written for this benchmark), so the text reads like the real thing:
Japanese with numbers, English names and URLs mid-sentence.  The output
depends only on --seed and --chapters.

usage: gen_report.py [--seed N] [--chapters N] [--year YYYY] > REPORT.xml
"""
import argparse
import random
from xml.sax.saxutils import escape

OPENERS = [
    "今年度も、", "4月から6月にかけて、", "昨年度に引き続き、", "コロナ禍の影響が続くなかで、",
    "夏以降、", "年度の後半には、", "会員団体からの要望を受けて、", "前年の反省を踏まえ、",
    "秋の省庁交渉に先立って、", "地域の支援団体と協力して、", "新たな試みとして、",
    "相談件数の増加を受けて、", "総会での議論をもとに、", "年明けから、", "",
]
ACTORS = [
    "技能実習生・労働プロジェクトチームは", "医療・福祉プロジェクトチームは", "移住女性プロジェクトチームは",
    "事務局は", "関西の会員団体は", "東海地方の会員団体と事務局は", "入管・収容プロジェクトチームは",
    "国際人権プロジェクトチームは", "ユース部会は", "貧困対策プロジェクトチームは",
    "九州の会員団体は", "北海道の支援者グループは", "私たちは", "理事会は",
]
ACTIONS = [
    "技能実習生を対象とした電話相談を{k}回開き、",
    "ILO（国際労働機関）の強制労働条約をテーマにした学習会を開き、",
    "在留資格のない人の医療費について自治体への聞き取りを行い、",
    "ベトナム語、タガログ語、ネパール語の通訳ボランティアを募り、",
    "UN の人権条約機関に提出する NGO レポートの作成を進め、",
    "仮放免中の人の生活実態について{n}人に聞き取りを行い、",
    "地方議会への意見書の提出を呼びかけ、",
    "外国籍の子どもの就学状況について{n}の市町村に問い合わせ、",
    "労働組合や弁護士会と共同で記者会見を開き、",
    "やさしい日本語によるリーフレットを{n}部作成し、",
    "オンラインセミナー「移民と社会保障」を{k}回にわたって開催し、",
    "国会議員に対する院内集会を開き、",
    "Zoom を使った相談員研修を行い、",
    "寄せられた相談事例を分野別に整理し、",
    "海外の NGO（Migrant Forum in Asia など）とオンラインで意見を交わし、",
    "自治体の多言語相談窓口{k}か所を訪ね、",
    "収容施設での面会活動を月{m}回のペースで続け、",
]
RESULTS = [
    "延べ{n}人から相談が寄せられました。",
    "参加者は{n}人にのぼりました。",
    "その結果を報告書にまとめ、ウェブサイトで公開しました。",
    "関係省庁に改善を求める要請書を提出しました。",
    "参加者からは「制度の仕組みが初めてよくわかった」との声が寄せられました。",
    "{n}件の事例について、弁護士や労働組合につなぐことができました。",
    "地域の支援者どうしのつながりが広がりました。",
    "課題の多くは来年度に持ち越すことになりました。",
    "その内容は M-net の特集として紹介しました。",
    "未払い賃金の総額は約{n}万円にのぼりました。",
    "自治体の担当者との定期的な意見交換の場が生まれました。",
    "今後の政策提言の基礎となる資料がそろいました。",
]
EXTRAS = [
    "詳しい記録はウェブサイト（https://example.org/report/{y}/{n}）で読むことができます。",
    "相談の内容は、賃金の未払い、解雇、在留資格の更新、医療費の支払いの順に多く、全体の{p}%を占めました。",
    "相談者の国籍は{c}か国にわたり、ベトナム、フィリピン、中国、ネパール、インドネシアの順に多くなっています。",
    "国連の自由権規約委員会（UN Human Rights Committee）の総括所見も、同じ問題を指摘しています。",
    "前年度と比べると、相談件数は約{p}%増えました。",
    "活動を支えてくださったボランティアは{n}人、通訳の協力者は{k}人でした。",
    "特定技能の在留資格で働く人からの相談も、前年度の約{m}倍に増えています。",
    "この取り組みは、SDGs の目標8（働きがいも経済成長も）とも深く関わっています。",
    "ILO の報告書（https://www.ilo.org/）が示すとおり、仲介手数料による借金は強制労働の温床になります。",
    "会場とオンラインをあわせて、{n}人が参加しました。",
]
EVENT_TITLES = [
    "学習会「技能実習制度のこれから」", "相談員研修", "移住女性PT 連続講座", "全国キャラバン",
    "シンポジウム「収容に上限を」", "ユース交流会", "医療通訳ボランティア研修", "街頭アピール",
    "反差別PT 公開研究会", "国際人権PT 報告会", "オンライン交流会", "地方交流会",
]
PLACES = ["オンライン（Zoom）", "東京・上野（事務所）", "大阪市内", "名古屋市内", "福岡市内",
          "札幌市内", "横浜市内", "広島市内", "仙台市内", "那覇市内"]
THEMES = ["労働", "医療", "教育", "住まい", "女性", "子ども", "難民", "収容", "差別", "地域"]


class Gen:
    def __init__(self, seed, year):
        self.r = random.Random(seed)
        self.year = year
        self.fn_count = 0

    def num(self, s):
        r = self.r
        return s.format(n=r.randint(20, 480), k=r.randint(2, 30), m=r.randint(2, 9),
                        c=r.randint(12, 48), p=r.randint(5, 65), y=self.year)

    def sentence(self):
        """One sentence; each fragment draws its own numbers."""
        r = self.r
        if r.random() < 0.18:
            return self.num(r.choice(EXTRAS))
        return "".join(self.num(r.choice(part)) for part in (OPENERS, ACTORS, ACTIONS, RESULTS))

    def sentences(self, count):
        out = []
        while len(out) < count:
            s = self.sentence()
            if not out or s != out[-1]:
                out.append(s)
        return out

    def inline(self, text):
        """Escape a sentence, then maybe mark it up: URL links, emphasis, a footnote."""
        r = self.r
        out = escape(text)
        if "https://" in out:
            start = out.index("https://")
            end = out.index("）", start) if "）" in out[start:] else len(out)
            url = out[start:end]
            out = out[:start] + '<link href="%s"/>' % url + out[end:]
        elif r.random() < 0.06:
            out = out.replace("、", "、<em>", 1) + "</em>" if "、" in out else out
        if r.random() < 0.05 and out.endswith("。"):
            self.fn_count += 1
            out = out[:-1] + "<fn>%s</fn>。" % escape(self.num(
                "数値は事務局の集計による（{y}年度末時点）。詳しくは M-net 第{n}号を参照。"))
        return out

    def paragraph(self, lo=3, hi=7):
        return "<p>%s</p>" % "".join(self.inline(s) for s in self.sentences(self.r.randint(lo, hi)))

    def events(self, ident, month0):
        r = self.r
        rows = []
        for k in range(r.randint(8, 16)):
            month = (month0 + k // 2) % 12 + 1
            day = r.randint(1, 28)
            rows.append(
                '<event><date when="%d-%02d-%02d">%d月%d日</date><title>%s</title>'
                '<place>%s</place><participants>%d</participants></event>'
                % (self.year, month, day, month, day, r.choice(EVENT_TITLES),
                   r.choice(PLACES), r.randint(8, 320)))
        return ('<events id="%s"><caption>行事一覧（%s）</caption>%s</events>'
                % (ident, ident, "".join(rows)))

    def stats_table(self, ident, theme):
        r = self.r
        rows, total = [], 0
        for label in ["賃金・労働条件", "在留資格", "医療・保険", "住まい", "家族・子ども", "その他"]:
            n = r.randint(4, 300)
            total += n
            rows.append("<row><cell>%s</cell><cell>%d</cell></row>" % (label, n))
        return ('<table id="%s"><caption>%sに関する相談の内訳</caption>'
                '<col width="6"/><col width="2" align="end" type="number"/>'
                '<head><row><cell>分野</cell><cell align="center">件数</cell></row></head>'
                '<body>%s</body><foot><row kind="total"><cell>合計</cell><cell>%d</cell></row></foot>'
                '</table>' % (ident, theme, "".join(rows), total))

    def section(self, ident, title, chapter_ids):
        r = self.r
        parts = ['<section id="%s"><title>%s</title>' % (ident, escape(title))]
        for k in range(r.randint(4, 8)):
            parts.append(self.paragraph())
            if k == 1 and r.random() < 0.5:
                parts.append("<ul>%s</ul>" % "".join(
                    "<li>%s</li>" % self.inline(self.sentence()) for _ in range(r.randint(3, 6))))
            if k == 2 and r.random() < 0.3:
                parts.append('<p>この点については<xref ref="%s"/>も参照してください。%s</p>'
                             % (r.choice(chapter_ids), self.inline(self.sentence())))
        return parts

    def chapter(self, c, chapter_ids):
        r = self.r
        theme = THEMES[c % len(THEMES)]
        cid = chapter_ids[c]
        parts = ['<chapter id="%s" short="%sの取り組み"><title>%sをめぐる取り組み（その%d）</title>'
                 % (cid, theme, theme, c // len(THEMES) + 1), self.paragraph(2, 4)]
        for s in range(r.randint(6, 9)):
            parts += self.section("%s-s%d" % (cid, s + 1), "%sの活動 %d" % (theme, s + 1), chapter_ids)
            if s == 2:
                parts.append(self.events("%s-ev" % cid, c))
            if s == 4:
                parts.append(self.stats_table("%s-tbl" % cid, theme))
            parts.append("</section>")
        parts.append("</chapter>")
        return parts

    def back_matter(self):
        r = self.r
        years = "".join('<year year="%d" organisations="%d" individuals="%d"/>'
                        % (y, 60 + (y - self.year + 15) * 3, 250 + (y - self.year + 15) * 11)
                        for y in range(self.year - 15, self.year + 1))
        income = "".join('<item amount="%d">%s</item>' % (r.randint(10, 900) * 10000, name)
                         for name in ["会費", "寄付金", "助成金", "事業収入", "雑収入"])
        spend = "".join('<item amount="%d">%s</item>' % (r.randint(10, 700) * 10000, name)
                        for name in ["人件費", "事務所費", "会議費", "印刷費", "通信費", "旅費交通費"])
        members = "".join("<member><role>%s</role><name>〇〇 〇〇</name>"
                          "<affiliation>会員団体 第%d地区</affiliation></member>" % (role, k + 1)
                          for k, role in enumerate(["共同代表理事", "共同代表理事", "副代表理事",
                                                    "事務局長", "理事", "理事", "理事", "監事"]))
        return ['<chapter id="ch-org" short="組織と会計"><title>組織と会計</title>',
                self.paragraph(),
                '<membership id="tbl-members"><caption>会員数の推移</caption>%s</membership>' % years,
                '<finance id="tbl-finance"><caption>%d年度 収支計算書</caption>'
                '<income>%s</income><expenditure>%s</expenditure></finance>' % (self.year, income, spend),
                '<board id="tbl-board"><caption>役員一覧</caption>%s</board>' % members,
                "</chapter>"]

    def report(self, chapters):
        y = self.year
        chapter_ids = ["ch%02d" % (c + 1) for c in range(chapters)]
        parts = ['<?xml version="1.0" encoding="UTF-8"?>',
                 "<!-- Generated by bench/gen_report.py: a benchmark document, not a real report. -->",
                 '<report xml:lang="ja" version="1"><meta><year>%d</year>' % y,
                 "<title>%d年度 活動報告書（ベンチマーク用）</title>" % y,
                 "<organisation><name>特定非営利活動法人 移住者と連帯する全国ネットワーク</name>"
                 "<name-en>Solidarity Network with Migrants Japan</name-en>"
                 "<url>https://example.org/</url></organisation>",
                 '<published date="%d-06-10">%d年6月10日</published></meta>' % (y + 1, y + 1),
                 '<greeting id="greeting"><title>ごあいさつ</title>',
                 self.paragraph(), self.paragraph(),
                 "<signature><role>共同代表理事</role><name>〇〇 〇〇</name></signature></greeting>"]
        for c in range(chapters):
            parts += self.chapter(c, chapter_ids)
        parts += self.back_matter()
        parts.append("</report>")
        return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=2022)
    ap.add_argument("--chapters", type=int, default=22, help="about 14 pages each")
    ap.add_argument("--year", type=int, default=9999)
    a = ap.parse_args()
    print(Gen(a.seed, a.year).report(a.chapters), end="")


if __name__ == "__main__":
    main()
