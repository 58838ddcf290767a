"""Render the hand-written articles in articles.txt as pages of six differently built sites.

Run from anywhere: python tests/data/gold/make_gold.py. It rewrites <name>.html (the page
as its site would serve it, boilerplate and all) and <name>.txt (the main text a reader
came for) for every entry. The generated files are committed; this script documents how
they were made and lets the set grow.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Post:
    user: str
    date: str
    lines: list[str] = field(default_factory=list)
    sig: str = ""


@dataclass
class Article:
    name: str
    site: str = ""
    title: str = ""
    dek: str = ""
    author: str = ""
    date: str = ""
    blocks: list[tuple[str, object]] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)


def parse(path: Path) -> list[Article]:
    articles: list[Article] = []
    current: Article | None = None
    in_body = False
    code: list[str] | None = None
    table: list[list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if current is None and (line.startswith("#") or not line):
            continue
        if line.startswith("=== "):
            current = Article(name=line[4:].strip())
            articles.append(current)
            in_body = False
            continue
        assert current is not None
        if not in_body:
            if line == "---":
                in_body = True
            elif ":" in line:
                key, _, value = line.partition(":")
                setattr(current, key.strip(), value.strip())
            continue
        target = current.posts[-1].lines if current.posts else None
        if code is not None:
            if line == "```":
                block = ("code", "\n".join(code))
                (target.append(block) if target is not None else current.blocks.append(block))
                code = None
            else:
                code.append(raw)
            continue
        if line.startswith("| "):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if table is None:
                table = []
                current.blocks.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line:
            continue
        if line == "```":
            code = []
        elif line.startswith("@@ "):
            user, _, date = line[3:].partition("|")
            current.posts.append(Post(user.strip(), date.strip()))
        elif line.startswith("sig: "):
            current.posts[-1].sig = line[5:]
        elif line.startswith("%% "):
            who, _, text = line[3:].partition(":")
            current.comments.append((who.strip(), text.strip()))
        elif target is not None:
            target.append(("p", line))
        elif line.startswith("## "):
            current.blocks.append(("h2", line[3:]))
        elif line.startswith("* "):
            if current.blocks and current.blocks[-1][0] == "ul":
                current.blocks[-1][1].append(line[2:])
            else:
                current.blocks.append(("ul", [line[2:]]))
        elif line.startswith("> "):
            current.blocks.append(("quote", line[2:]))
        elif line.startswith("[fig] "):
            current.blocks.append(("fig", line[6:]))
        elif line.startswith("[readmore] "):
            current.blocks.append(("readmore", line[11:]))
        elif line == "[ad]":
            current.blocks.append(("ad", ""))
        else:
            current.blocks.append(("p", line))
    return articles


# --------------------------------------------------------------------------- gold text


def gold_text(art: Article) -> str:
    out = [art.title]
    if art.dek:
        out.append(art.dek)
    blocks = art.blocks
    if art.posts:
        blocks = [b for post in art.posts for b in post.lines]
    for kind, value in blocks:
        if kind in ("p", "h2", "quote", "fig"):
            out.append(str(value))
        elif kind == "ul":
            out.extend(value)  # type: ignore[arg-type]
        elif kind == "table":
            out.extend(" ".join(row) for row in value)  # type: ignore[union-attr]
        elif kind == "code":
            out.append(str(value))
    return "\n".join(out) + "\n"


e = html.escape


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def others(art: Article, pool: list[Article], n: int) -> list[Article]:
    rest = [a for a in pool if a.name != art.name and a.site == art.site]
    start = pool.index(art) % max(len(rest), 1)
    return (rest[start:] + rest[:start])[:n]


# --------------------------------------------------------------------------- ledger (news)

LEDGER_SECTIONS = {
    "News": ["Local", "UK", "World", "Politics", "Crime", "Health", "Education", "Transport"],
    "Business": ["Companies", "Markets", "Property", "Jobs", "Personal finance", "Energy"],
    "Sport": ["Football", "Cricket", "Rugby", "Racing", "Cycling", "Results", "Fixtures"],
    "What's on": ["Theatre", "Music", "Film", "Exhibitions", "Family", "Food and drink"],
    "Opinion": ["Editorials", "Columnists", "Letters", "Cartoons"],
    "Lifestyle": ["Homes", "Gardening", "Motoring", "Travel", "Weddings", "Pets"],
    "Community": ["Schools", "Churches", "Clubs", "Nostalgia", "Obituaries", "Notices"],
    "Services": ["Jobs board", "Property search", "Announcements", "Puzzles", "Weather"],
}
LEDGER_TICKER = [
    "A614 closed after lorry overturns near Eastholm",
    "Hospital car park charges to rise in June",
    "Police appeal after jewellery shop raid",
    "Wendbridge named among best places to live in the region",
]


def ledger_block(kind: str, value, i: int, n: int) -> str:
    if kind == "p":
        return f"<p>{e(value)}</p>"
    if kind == "h2":
        return f'<h2 class="subheading">{e(value)}</h2>'
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{e(v)}</li>" for v in value) + "</ul>"
    if kind == "quote":
        return f'<blockquote class="pull"><p>{e(value)}</p></blockquote>'
    if kind == "fig":
        return (
            f'<figure class="story-image"><img src="/images/{n}-{i}.jpg" alt="" loading="lazy" '
            f'width="900" height="600"><figcaption>{e(value)} <span class="credit">Photo: '
            f"Ledger staff</span></figcaption></figure>"
        )
    if kind == "table":
        head, *rows = value
        return (
            '<table class="data-table"><thead><tr>'
            + "".join(f"<th>{e(c)}</th>" for c in head)
            + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
            + "</tbody></table>"
        )
    if kind == "ad":
        return (
            f'<div class="ad-slot ad-mpu" data-slot="story-{i}"><span class="ad-label">'
            f'Advertisement</span><div id="div-gpt-ad-{n}{i}"></div></div>'
        )
    if kind == "readmore":
        if n % 2:
            return (
                f'<p class="read-more"><strong>READ MORE:</strong> <a href="/news/{slug(value)}">'
                f"{e(value)}</a></p>"
            )
        return (
            f'<aside class="inline-promo"><span>Related</span><a href="/news/{slug(value)}">'
            f"<h4>{e(value)}</h4></a></aside>"
        )
    raise ValueError(kind)


def render_ledger(art: Article, pool: list[Article], n: int) -> str:
    menu = "".join(
        f'<li class="menu-item"><a href="/{slug(s)}">{e(s)}</a><ul class="sub-menu">'
        + "".join(f'<li><a href="/{slug(s)}/{slug(x)}">{e(x)}</a></li>' for x in subs)
        + "</ul></li>"
        for s, subs in LEDGER_SECTIONS.items()
    )
    body = "\n".join(ledger_block(k, v, i, n) for i, (k, v) in enumerate(art.blocks))
    related = "".join(
        f'<div class="teaser"><a href="/news/{slug(o.title)}"><img src="/t/{o.name}.jpg" alt="">'
        f"<h3>{e(o.title)}</h3></a><p>{e(o.dek)}</p></div>"
        for o in others(art, pool, 4)
    )
    most_read = "".join(
        f'<li><a href="/news/{slug(t)}">{e(t)}</a></li>' for t in LEDGER_TICKER + [art.title]
    )
    footer_cols = "".join(
        f"<div class=\"footer-col\"><h4>{e(s)}</h4><ul>"
        + "".join(f'<li><a href="/{slug(x)}">{e(x)}</a></li>' for x in subs[:5])
        + "</ul></div>"
        for s, subs in LEDGER_SECTIONS.items()
    )
    url = f"https://www.wendbridgeledger.co.uk/news/local/{slug(art.title)}"
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art.title)} | The Wendbridge Ledger</title>
<meta name="description" content="{e(art.dek)}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(art.title)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="The Wendbridge Ledger">
<meta name="author" content="{e(art.author)}">
<meta property="article:published_time" content="{art.date}T06:00:00+00:00">
<link rel="stylesheet" href="/static/css/main.4f2a1.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-XXXX1234');</script>
<script async src="/static/js/ads.js"></script>
</head>
<body class="article-page section-news">
<a class="skip-link" href="#main">Skip to main content</a>
<div class="top-bar"><span class="today">Wendbridge, 9&deg;C, light rain</span>
<a href="/subscribe" class="btn-subscribe">Subscribe from 1 pound a week</a>
<a href="/account/login">Sign in</a> <a href="/e-edition">Today's paper</a></div>
<header class="masthead">
<a class="logo" href="/"><img src="/static/logo.svg" alt="The Wendbridge Ledger"></a>
<nav class="mega-menu" aria-label="Main"><ul>{menu}</ul></nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search the Ledger"><button>Search</button></form>
</header>
<div class="ticker"><span class="ticker-label">Latest</span><ul>{"".join(f'<li><a href="/news/{slug(t)}">{e(t)}</a></li>' for t in LEDGER_TICKER)}</ul></div>
<main id="main">
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/local">Local</a></li></ol>
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<header class="story-header">
<h1 class="headline" itemprop="headline">{e(art.title)}</h1>
<p class="standfirst">{e(art.dek)}</p>
<div class="byline">By <a rel="author" href="/authors/{slug(art.author)}">{e(art.author)}</a>
<span class="role">Chief reporter</span> <time datetime="{art.date}">{art.date}</time> <span class="read-time">4 min read</span></div>
<div class="share-bar"><a href="#" class="share fb">Share on Facebook</a><a href="#" class="share x">Share on X</a><a href="#" class="share mail">Email</a><button class="copy">Copy link</button></div>
</header>
<div class="story-body" itemprop="articleBody">
{body}
</div>
<div class="story-tags">Topics: <a href="/topics/local">Local</a> <a href="/topics/wendbridge">Wendbridge</a></div>
<div class="comments-closed">Comments are closed on this article.</div>
</article>
<section class="related"><h2>More from News</h2>{related}</section>
<section class="most-read"><h2>Most read</h2><ol>{most_read}</ol></section>
</main>
<aside class="newsletter-signup"><h3>The Morning Ledger</h3><p>Start your day with the stories that matter to Wendbridge, delivered to your inbox every weekday at 7am.</p>
<form><input type="email" placeholder="Your email address"><button>Sign me up</button></form>
<p class="small">By signing up you agree to our privacy notice. You can unsubscribe at any time.</p></aside>
<footer class="site-footer">{footer_cols}
<p>The Wendbridge Ledger is a member of the Independent Press Standards Organisation, which regulates the UK's magazine and newspaper industry. We abide by the Editors' Code of Practice and are committed to upholding the highest standards of journalism.</p>
<p>&copy; 2024 Wendbridge Ledger Media Ltd. Registered in England and Wales. All rights reserved.</p>
<ul class="legal"><li><a href="/privacy">Privacy notice</a></li><li><a href="/cookies">Cookie policy</a></li><li><a href="/terms">Terms and conditions</a></li><li><a href="/contact">Contact us</a></li><li><a href="/advertise">Advertise with us</a></li></ul>
</footer>
<script src="/static/js/main.8c1d2.js"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- blog (WordPress)


def blog_block(kind: str, value, i: int) -> str:
    if kind == "p":
        return f"<p>{e(value)}</p>"
    if kind == "h2":
        return f'<h2 class="wp-block-heading" id="h-{slug(value)}">{e(value)}</h2>'
    if kind == "ul":
        return '<ul class="wp-block-list">' + "".join(f"<li>{e(v)}</li>" for v in value) + "</ul>"
    if kind == "quote":
        return f'<blockquote class="wp-block-quote"><p>{e(value)}</p></blockquote>'
    if kind == "code":
        return f'<pre class="wp-block-code"><code>{e(value)}</code></pre>'
    if kind == "fig":
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" src="/wp-content/'
            f'uploads/2023/{i}.jpg" alt=""><figcaption class="wp-element-caption">{e(value)}'
            "</figcaption></figure>"
        )
    if kind == "table":
        head, *rows = value
        return (
            '<figure class="wp-block-table"><table><thead><tr>'
            + "".join(f"<th>{e(c)}</th>" for c in head)
            + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
            + "</tbody></table></figure>"
        )
    raise ValueError(kind)


def render_blog(art: Article, pool: list[Article], n: int) -> str:
    body = "\n".join(blog_block(k, v, i) for i, (k, v) in enumerate(art.blocks))
    recent = "".join(f'<li><a href="/{slug(o.title)}/">{e(o.title)}</a></li>' for o in others(art, pool, 5))
    related = "".join(
        f'<div class="jp-relatedposts-post"><h4><a href="/{slug(o.title)}/">{e(o.title)}</a></h4>'
        f'<p class="jp-relatedposts-post-date">{o.date}</p><p class="jp-relatedposts-post-context">In "Notes"</p></div>'
        for o in others(art, pool, 3)
    )
    comments = "".join(
        f'<li id="comment-{n}{j}" class="comment even thread-even depth-1"><article class="comment-body">'
        f'<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="/avatar/{j}.png" class="avatar" height="42" width="42">'
        f'<b class="fn">{e(who)}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="#comment-{n}{j}"><time datetime="{art.date}T1{j}:20:00+00:00">{art.date} at 1{j}:20</time></a></div></footer>'
        f'<div class="comment-content"><p>{e(text)}</p></div>'
        f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article></li>'
        for j, (who, text) in enumerate(art.comments)
    )
    prev_, next_ = (others(art, pool, 2) + [art, art])[:2]
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art.title)} &#8211; Field Notes</title>
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="Field Notes &raquo; Feed" href="https://fieldnotes.example.net/feed/">
<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3" media="all">
<link rel="canonical" href="https://fieldnotes.example.net/{slug(art.title)}/">
<meta name="generator" content="WordPress 6.4.3">
<style id="global-styles-inline-css">body{{--wp--preset--color--black:#000000;}}</style>
</head>
<body class="post-template-default single single-post postid-{100 + n} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">Field Notes</a></p>
<p class="site-description">Bread, bikes and small experiments in living well</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu">Menu</button>
<div class="menu-main-container"><ul id="primary-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li><li><a href="/category/baking/">Baking</a></li><li><a href="/category/cycling/">Cycling</a></li><li><a href="/category/tech/">Tech</a></li><li><a href="/category/garden/">Garden</a></li><li><a href="/contact/">Contact</a></li></ul></div>
</nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-{100 + n}" class="post-{100 + n} post type-post status-publish format-standard hentry category-notes">
<header class="entry-header">
<h1 class="entry-title">{e(art.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="/{slug(art.title)}/" rel="bookmark"><time class="entry-date published" datetime="{art.date}T09:00:00+00:00">{art.date}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/ellen/">{e(art.author)}</a></span></span></div>
</header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-email" href="#">Email</a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/notes/" rel="category tag">Notes</a></span></footer>
</article>
<div class="author-info"><div class="author-avatar"><img src="/avatar/ellen.png" alt=""></div><div class="author-description"><h2 class="author-title">About {e(art.author)}</h2>
<p class="author-bio">Ellen bakes bread before work, rides a bike whenever the weather allows and writes about both here. She lives in Wendbridge with a patient partner and an impatient cat. <a class="author-link" href="/author/ellen/">View all posts by {e(art.author)}</a></p></div></div>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/{slug(prev_.title)}/" rel="prev"><span class="meta-nav">Previous post</span> <span class="post-title">{e(prev_.title)}</span></a></div><div class="nav-next"><a href="/{slug(next_.title)}/" rel="next"><span class="meta-nav">Next post</span> <span class="post-title">{e(next_.title)}</span></a></div></div></nav>
<div id="comments" class="comments-area">
<h2 class="comments-title">{len(art.comments)} thoughts on &ldquo;{e(art.title)}&rdquo;</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p>
<p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author" type="text"></p>
<p class="comment-form-email"><label for="email">Email *</label><input id="email" name="email" type="email"></p>
<p class="form-submit"><input name="submit" type="submit" class="submit" value="Post Comment"></p></form></div>
</div>
</main>
</div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" class="search-form" action="/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form></section>
<section id="text-3" class="widget widget_text"><h2 class="widget-title">Hello</h2><div class="textwidget"><p>I'm Ellen. This is where I keep notes on baking, cycling, growing vegetables and fixing things around the house. Nothing here is sponsored. If something helped you, a comment always makes my day.</p></div></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2024/04/">April 2024</a></li><li><a href="/2024/02/">February 2024</a></li><li><a href="/2023/12/">December 2023</a></li><li><a href="/2023/11/">November 2023</a></li><li><a href="/2023/10/">October 2023</a></li><li><a href="/2023/08/">August 2023</a></li></ul></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud"><a href="/tag/bread/">bread</a> <a href="/tag/cycling/">cycling</a> <a href="/tag/diy/">diy</a> <a href="/tag/garden/">garden</a> <a href="/tag/languages/">languages</a> <a href="/tag/books/">books</a> <a href="/tag/linux/">linux</a></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a><span class="sep"> | </span>Theme: Underscores by Automattic.</div></footer>
</div>
<script src="/wp-includes/js/comment-reply.min.js?ver=6.4.3" id="comment-reply-js" async></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- forum (vBulletin-style tables)


def forum_post_html(lines: list[tuple[str, object]]) -> str:
    parts = []
    for kind, value in lines:
        if kind == "code":
            parts.append(
                '<div class="bbcode_container"><div class="bbcode_description">Code:</div>'
                f'<pre class="bbcode_code" style="height:84px;">{e(str(value))}</pre></div>'
            )
        else:
            parts.append(e(str(value)))
    return "<br>\n<br>\n".join(parts)


def render_forum(art: Article, pool: list[Article], n: int) -> str:
    rows = []
    ranks = ["Junior Member", "Member", "Senior Member", "Moderator", "Veteran"]
    for j, post in enumerate(art.posts):
        pid = 30000 + n * 100 + j
        sig = (
            f'<div class="signature">__________________<br>{e(post.sig)}</div>' if post.sig else ""
        )
        rows.append(f"""<table class="tborder" id="post{pid}" cellpadding="6" cellspacing="0" border="0" width="100%" align="center">
<tr><td class="thead" style="font-weight:normal" id="currentPost"><div class="normal" style="float:right">&nbsp;#<a href="showpost.php?p={pid}&amp;postcount={j + 1}" target="new" rel="nofollow" id="postcount{pid}" name="{j + 1}"><strong>{j + 1}</strong></a></div>
<div class="normal"><a name="post{pid}"><img class="inlineimg" src="images/statusicon/post_old.gif" alt="Old" border="0"></a> {e(post.date)}</div></td></tr>
<tr><td class="alt2" style="padding:0px"><table cellpadding="0" cellspacing="6" border="0" width="100%"><tr>
<td class="alt2"><a class="bigusername" href="member.php?u={1000 + j}">{e(post.user)}</a></td>
<td width="100%">&nbsp;</td>
<td valign="top" nowrap="nowrap"><div class="smallfont"><div>Join Date: Apr 20{10 + j}</div><div>Location: Wendbridge</div><div>Posts: {(j + 3) * 417:,}</div></div></td>
</tr></table><div class="smallfont">{ranks[j % len(ranks)]}</div></td></tr>
<tr><td class="alt1" id="td_post_{pid}">
<div id="post_message_{pid}">
{forum_post_html(post.lines)}
</div>
{sig}
</td></tr>
<tr><td class="alt2" align="right"><a href="newreply.php?do=newreply&amp;p={pid}" rel="nofollow"><img src="images/buttons/quote.gif" alt="Reply With Quote" border="0"></a> <a href="report.php?p={pid}">Report Post</a></td></tr>
</table>""")
    similar = "".join(
        f'<tr><td class="alt1"><a href="showthread.php?t={5000 + k}">{e(o.title)}</a></td><td class="alt2">{e(o.posts[0].user)}</td><td class="alt1">{len(o.posts) - 1}</td><td class="alt2">{e(o.posts[-1].date)}</td></tr>'
        for k, o in enumerate(others(art, pool, 4))
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" dir="ltr" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1" />
<meta name="generator" content="vBulletin 3.8.11" />
<meta name="keywords" content="forum, help, advice" />
<title>{e(art.title)} - Tinkerers' Bench Forums</title>
<link rel="stylesheet" type="text/css" href="clientscript/vbulletin_css/style-00001.css" />
<script type="text/javascript" src="clientscript/yui/yahoo-dom-event/yahoo-dom-event.js?v=3811"></script>
<script type="text/javascript">var SESSIONURL = "";var SECURITYTOKEN = "guest";var vb_disable_ajax = parseInt("0", 10);</script>
</head>
<body onload="">
<a name="top"></a>
<table border="0" width="100%" cellpadding="0" cellspacing="0" align="center">
<tr><td align="left"><a href="index.php"><img src="images/misc/logo.gif" border="0" alt="Tinkerers' Bench Forums" /></a></td>
<td align="right" id="header_right_cell">&nbsp;</td></tr></table>
<div class="page" style="width:100%; text-align:left"><div style="padding:0px 25px 0px 25px" align="left">
<table class="tborder" cellpadding="6" cellspacing="1" border="0" width="100%" align="center">
<tr><td class="alt1" width="100%"><table cellpadding="0" cellspacing="0" border="0"><tr valign="bottom">
<td><span class="navbar"><a href="index.php" accesskey="1">Tinkerers' Bench Forums</a></span> <span class="navbar">&gt; <a href="forumdisplay.php?f=4">Help and advice</a></span></td></tr>
<tr><td class="navbar" style="font-size:10pt; padding-top:1px" colspan="3"><strong>{e(art.title)}</strong></td></tr></table></td>
<td class="alt2" nowrap="nowrap" style="padding:0px"><form action="login.php?do=login" method="post"><table cellpadding="0" cellspacing="3" border="0"><tr><td class="smallfont"><label for="navbar_username">User Name</label></td><td><input type="text" class="bginput" name="vb_login_username" id="navbar_username" size="10" value="User Name" /></td><td class="smallfont" nowrap="nowrap"><label for="cb_cookieuser_navbar"><input type="checkbox" name="cookieuser" value="1" id="cb_cookieuser_navbar" />Remember Me?</label></td></tr>
<tr><td class="smallfont"><label for="navbar_password">Password</label></td><td><input type="password" class="bginput" name="vb_login_password" size="10" /></td><td><input type="submit" class="button" value="Log in" /></td></tr></table></form></td></tr></table>
<br />
<div class="tborder" style="padding:1px; border-top-width:0px"><table cellpadding="0" cellspacing="0" border="0" width="100%" align="center"><tr align="center">
<td class="vbmenu_control"><a href="register.php" rel="nofollow">Register</a></td><td class="vbmenu_control"><a href="faq.php" accesskey="5">FAQ</a></td><td class="vbmenu_control"><a href="memberlist.php">Members List</a></td><td class="vbmenu_control"><a href="calendar.php">Calendar</a></td><td class="vbmenu_control"><a href="search.php?do=getdaily" accesskey="2">Today's Posts</a></td><td class="vbmenu_control"><a href="search.php" rel="nofollow">Search</a></td>
</tr></table></div>
<br />
<table class="tborder" cellpadding="6" cellspacing="1" border="0" width="100%" align="center"><tr><td class="alt1">
<div class="smallfont">If this is your first visit, be sure to check out the <a href="faq.php"><strong>FAQ</strong></a> by clicking the link above. You may have to <a href="register.php"><strong>register</strong></a> before you can post: click the register link above to proceed. To start viewing messages, select the forum that you want to visit from the selection below.</div>
</td></tr></table>
<br />
<table cellpadding="0" cellspacing="0" border="0" width="100%" style="margin-bottom:3px"><tr valign="bottom">
<td class="smallfont"><a href="newreply.php?do=newreply&amp;noquote=1" rel="nofollow"><img src="images/buttons/reply.gif" alt="Reply" border="0" /></a></td>
<td align="right"><div class="pagenav">Page 1 of 1</div></td></tr></table>
<table class="tborder" cellpadding="6" cellspacing="0" border="0" width="100%" align="center" style="border-bottom-width:0px"><tr>
<td class="tcat" width="100%"><div class="smallfont">&nbsp;</div></td>
<td class="vbmenu_control" id="threadtools" nowrap="nowrap"><a href="#goto_threadtools">Thread Tools</a></td>
<td class="vbmenu_control" id="displaymodes" nowrap="nowrap"><a href="#goto_displaymodes">Display Modes</a></td></tr></table>
<div id="posts">
{"".join(f'<div align="center"><div class="page" style="width:100%; text-align:left">{r}</div></div>' for r in rows)}
</div>
<br />
<table class="tborder" cellpadding="6" cellspacing="1" border="0" width="100%" align="center">
<thead><tr><td class="tcat" colspan="4">Similar Threads</td></tr>
<tr class="thead" align="center"><td class="thead" width="40%">Thread</td><td class="thead">Thread Starter</td><td class="thead">Replies</td><td class="thead">Last Post</td></tr></thead>
<tbody>{similar}</tbody></table>
<br />
<div class="smallfont" align="center">All times are GMT. The time now is <span class="time">10:15</span>.</div>
<form action="forumdisplay.php" method="get"><span class="smallfont"><strong>Forum Jump</strong></span><select name="f"><option value="cp">User Control Panel</option><option value="4" selected="selected">Help and advice</option><option value="5">Show and tell</option><option value="6">Buy and sell</option></select></form>
<div class="smallfont" align="center">Powered by vBulletin&reg; Version 3.8.11<br />Copyright &copy;2000 - 2024, vBulletin Solutions, Inc.</div>
<div class="smallfont" align="center"><a href="sendmessage.php" rel="nofollow">Contact Us</a> - <a href="index.php">Tinkerers' Bench Forums</a> - <a href="archive/index.php">Archive</a> - <a href="#top" onclick="self.scrollTo(0, 0); return false;">Top</a></div>
</div></div>
</body>
</html>
"""


# --------------------------------------------------------------------------- ru (windows-1251, old tables)

RU_RUBRICS = ["Новости", "Политика", "Экономика", "Общество", "Культура", "Спорт", "Происшествия", "Погода", "Фоторепортажи", "Архив"]


def ru_block(kind: str, value, i: int) -> str:
    if kind == "p":
        return f"<p>{e(value)}</p>"
    if kind == "h2":
        return f"<p><b>{e(value)}</b></p>"
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{e(v)}</li>" for v in value) + "</ul>"
    if kind == "fig":
        return f'<div class="photo" align="center"><img src="/foto/{i}.jpg" width="500" border="0"><br><i>{e(value)}</i></div>'
    if kind == "table":
        return (
            '<table border="1" cellpadding="4" cellspacing="0">'
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in value)
            + "</table>"
        )
    raise ValueError(kind)


def render_ru(art: Article, pool: list[Article], n: int) -> str:
    y, m, d = art.date.split("-")
    body = "\n".join(ru_block(k, v, i) for i, (k, v) in enumerate(art.blocks))
    menu = "<br>\n".join(f'<a href="/rubric/{k}/" class="menu">{e(r)}</a>' for k, r in enumerate(RU_RUBRICS))
    other = "".join(
        f'<li><a href="/news/{2000 + k}.html">{e(o.title)}</a> <span class="gray">{o.date}</span></li>'
        for k, o in enumerate(others(art, pool, 4))
    )
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{e(art.title)} - Вечерний город - новости нашего города</title>
<meta name="keywords" content="новости, город, события, происшествия">
<meta name="description" content="{e(art.title)}">
<link rel="stylesheet" href="/css/style.css" type="text/css">
<script type="text/javascript" src="/js/jquery-1.4.2.min.js"></script>
</head>
<body bgcolor="#ffffff" leftmargin="0" topmargin="0">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td width="220"><a href="/"><img src="/img/logo.gif" width="200" height="60" alt="Вечерний город" border="0"></a></td>
<td class="top">Курсы валют ЦБ: USD 89,52 &nbsp; EUR 97,13 &nbsp;|&nbsp; Погода: -12&deg;, снег &nbsp;|&nbsp; <a href="/rss/">RSS</a> &nbsp; <a href="/contacts/">Контакты</a></td></tr>
</table>
<table width="100%" border="0" cellpadding="6" cellspacing="0">
<tr>
<td width="200" valign="top" class="left">
<div class="blockhead">Рубрики</div>
{menu}
<br><br>
<div class="blockhead">Опрос</div>
<form action="/poll/" method="post">Как вы добираетесь на работу?<br>
<input type="radio" name="v" value="1"> На автобусе<br>
<input type="radio" name="v" value="2"> На машине<br>
<input type="radio" name="v" value="3"> Пешком<br>
<input type="submit" value="Голосовать"></form>
<br>
<div class="banner"><a href="/reklama/"><img src="/banners/okna.gif" width="200" height="200" alt="Пластиковые окна со скидкой 30%"></a><br>Реклама</div>
</td>
<td valign="top" class="content">
<div class="path"><a href="/">Главная</a> / <a href="/rubric/3/">Общество</a></div>
<h1>{e(art.title)}</h1>
<div class="date">{d}.{m}.{y} 14:35 &nbsp;|&nbsp; Автор: {e(art.author)} &nbsp;|&nbsp; Просмотров: {1234 + n * 17}</div>
<div class="text">
{body}
</div>
<div class="share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Одноклассники</a> <a href="#">Telegram</a></div>
<br>
<div class="other"><b>Другие новости рубрики:</b><ul>{other}</ul></div>
<div class="comments"><b>Комментарии (0)</b><br>Чтобы оставить комментарий, войдите на сайт или зарегистрируйтесь.</div>
</td>
<td width="240" valign="top" class="right">
<div class="blockhead">Самое читаемое</div>
<ol>{"".join(f'<li><a href="/news/{3000 + k}.html">{e(o.title)}</a></li>' for k, o in enumerate(others(art, pool, 3)))}</ol>
<div class="blockhead">Новости партнеров</div>
<p class="small"><a href="/go/1">Врачи назвали продукт, который помогает от усталости</a></p>
<p class="small"><a href="/go/2">Пенсионеров ждет приятный сюрприз в следующем месяце</a></p>
<p class="small"><a href="/go/3">Как сэкономить на коммунальных платежах: простой способ</a></p>
</td>
</tr>
</table>
<div class="footer">&copy; 2005&ndash;2024 &laquo;Вечерний город&raquo;. Все права защищены. При перепечатке материалов ссылка на сайт обязательна.<br>
Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано Роскомнадзором. 18+<br>
<a href="/reklama/">Реклама на сайте</a> | <a href="/contacts/">Контакты</a> | <a href="/about/">О редакции</a></div>
<!--LiveInternet counter--><script type="text/javascript">document.write("<img src='//counter.example/hit?t44.6;r"+escape(document.referrer)+"' width=31 height=31>")</script><!--/LiveInternet-->
</body>
</html>
"""


# --------------------------------------------------------------------------- docs (Sphinx, Read the Docs theme)

DOCS_TOC = [
    ("User guide", ["Installation", "Tutorial: your first prediction", "Configuration file", "Importing data", "Predictions explained"]),
    ("Reference", ["Command-line reference", "Python interface", "File formats", "Frequently asked questions"]),
    ("Project", ["Changelog", "Contributing", "Code of conduct", "License"]),
]


def docs_block(kind: str, value, i: int) -> str:
    if kind == "p":
        m = re.match(r"^(Note|Warning|Tip): (.*)$", str(value))
        if m:
            return (
                f'<div class="admonition {m.group(1).lower()}"><p class="admonition-title">'
                f"{m.group(1)}</p><p>{e(m.group(2))}</p></div>"
            )
        return f"<p>{e(value)}</p>"
    if kind == "ul":
        out = []
        for item in value:
            opt, _, rest = item.partition(": ")
            out.append(
                f'<li><p><code class="docutils literal notranslate"><span class="pre">{e(opt)}</span></code>: {e(rest)}</p></li>'
            )
        return '<ul class="simple">' + "".join(out) + "</ul>"
    if kind == "code":
        return f'<div class="highlight-text notranslate"><div class="highlight"><pre><span></span>{e(value)}\n</pre></div></div>'
    if kind == "table":
        head, *rows = value
        return (
            '<table class="docutils align-default"><thead><tr class="row-odd">'
            + "".join(f'<th class="head"><p>{e(c)}</p></th>' for c in head)
            + "</tr></thead><tbody>"
            + "".join(
                f'<tr class="row-{"even" if k % 2 == 0 else "odd"}">' + "".join(f"<td><p>{e(c)}</p></td>" for c in r) + "</tr>"
                for k, r in enumerate(rows)
            )
            + "</tbody></table>"
        )
    raise ValueError(kind)


def render_docs(art: Article, pool: list[Article], n: int) -> str:
    page = slug(art.title)
    # sections nest h2 blocks as Sphinx does
    parts = [f'<section id="{page}"><h1>{e(art.title)}<a class="headerlink" href="#{page}" title="Link to this heading">&#182;</a></h1>']
    open_sub = False
    subheads = []
    for i, (kind, value) in enumerate(art.blocks):
        if kind == "h2":
            if open_sub:
                parts.append("</section>")
            sid = slug(str(value))
            subheads.append((sid, str(value)))
            parts.append(f'<section id="{sid}"><h2>{e(value)}<a class="headerlink" href="#{sid}" title="Link to this heading">&#182;</a></h2>')
            open_sub = True
        else:
            parts.append(docs_block(kind, value, i))
    if open_sub:
        parts.append("</section>")
    parts.append("</section>")
    toc = []
    for caption, items in DOCS_TOC:
        toc.append(f'<p class="caption" role="heading"><span class="caption-text">{caption}</span></p><ul>')
        for item in items:
            if item == art.title:
                sub = "".join(f'<li class="toctree-l2"><a class="reference internal" href="#{s}">{e(t)}</a></li>' for s, t in subheads)
                toc.append(f'<li class="toctree-l1 current"><a class="current reference internal" href="#">{e(item)}</a><ul>{sub}</ul></li>')
            else:
                toc.append(f'<li class="toctree-l1"><a class="reference internal" href="{slug(item)}.html">{e(item)}</a></li>')
        toc.append("</ul>")
    flat = [t for _, items in DOCS_TOC for t in items]
    k = flat.index(art.title)
    prev_, next_ = flat[k - 1], flat[(k + 1) % len(flat)]
    return f"""<!DOCTYPE html>
<html class="writer-html5" lang="en" data-content_root="./">
<head>
  <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
  <title>{e(art.title)} &mdash; Tidewater 2.4.1 documentation</title>
  <link rel="stylesheet" type="text/css" href="_static/pygments.css?v=80d5e7a1" />
  <link rel="stylesheet" type="text/css" href="_static/css/theme.css?v=19f00094" />
  <link rel="canonical" href="https://tidewater.readthedocs.io/en/stable/{page}.html" />
  <script src="_static/jquery.js?v=5d32c60e"></script>
  <script src="_static/documentation_options.js?v=2b5e1e3c"></script>
  <script src="_static/js/theme.js"></script>
  <link rel="index" title="Index" href="genindex.html" /><link rel="search" title="Search" href="search.html" />
  <link rel="next" title="{e(next_)}" href="{slug(next_)}.html" /><link rel="prev" title="{e(prev_)}" href="{slug(prev_)}.html" />
</head>
<body class="wy-body-for-nav">
  <div class="wy-grid-for-nav">
    <nav data-toggle="wy-nav-shift" class="wy-nav-side">
      <div class="wy-side-scroll">
        <div class="wy-side-nav-search">
            <a href="index.html" class="icon icon-home">Tidewater</a>
              <div class="version">2.4.1</div>
<div role="search"><form id="rtd-search-form" class="wy-form" action="search.html" method="get"><input type="text" name="q" placeholder="Search docs" aria-label="Search docs" /></form></div>
        </div><div class="wy-menu wy-menu-vertical" data-spy="affix" role="navigation" aria-label="Navigation menu">
{"".join(toc)}
        </div>
      </div>
    </nav>
    <section data-toggle="wy-nav-shift" class="wy-nav-content-wrap"><nav class="wy-nav-top" aria-label="Mobile navigation menu"><i data-toggle="wy-nav-top" class="fa fa-bars"></i><a href="index.html">Tidewater</a></nav>
      <div class="wy-nav-content">
        <div class="rst-content">
          <div role="navigation" aria-label="Page navigation">
  <ul class="wy-breadcrumbs">
      <li><a href="index.html" class="icon icon-home" aria-label="Home"></a></li>
      <li class="breadcrumb-item active">{e(art.title)}</li>
      <li class="wy-breadcrumbs-aside"><a href="https://example.org/tidewater/tidewater/blob/main/docs/{page}.rst" class="fa fa-github"> Edit on GitHub</a></li>
  </ul>
  <hr/>
</div>
          <div role="main" class="document" itemscope="itemscope" itemtype="http://schema.org/Article">
           <div itemprop="articleBody">
{"".join(parts)}
           </div>
          </div>
          <footer><div class="rst-footer-buttons" role="navigation" aria-label="Footer">
        <a href="{slug(prev_)}.html" class="btn btn-neutral float-left" title="{e(prev_)}" accesskey="p" rel="prev"><span class="fa fa-arrow-circle-left" aria-hidden="true"></span> Previous</a>
        <a href="{slug(next_)}.html" class="btn btn-neutral float-right" title="{e(next_)}" accesskey="n" rel="next">Next <span class="fa fa-arrow-circle-right" aria-hidden="true"></span></a>
    </div>
  <hr/>
  <div role="contentinfo"><p>&#169; Copyright 2019-2024, The Tidewater developers.</p></div>
  Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a
    <a href="https://github.com/readthedocs/sphinx_rtd_theme">theme</a>
    provided by <a href="https://readthedocs.org">Read the Docs</a>.
</footer>
        </div>
      </div>
    </section>
  </div>
  <div class="rst-versions" data-toggle="rst-versions" role="note" aria-label="Versions">
    <span class="rst-current-version" data-toggle="rst-current-version"><span class="fa fa-book"> Read the Docs</span> v: stable <span class="fa fa-caret-down"></span></span>
    <div class="rst-other-versions"><dl><dt>Versions</dt><dd><a href="/en/latest/">latest</a></dd><dd><a href="/en/stable/">stable</a></dd><dd><a href="/en/2.3/">2.3</a></dd></dl><dl><dt>Downloads</dt><dd><a href="/_/downloads/en/stable/pdf/">PDF</a></dd></dl></div>
  </div>
<script>jQuery(function () {{ SphinxRtdTheme.Navigation.enable(true); }});</script>
</body>
</html>
"""


# --------------------------------------------------------------------------- mag (React div soup, cookie banner, comments widget)


def mag_block(kind: str, value, i: int, n: int) -> str:
    if kind == "p":
        return f'<p class="css-1k9{i}x e1cpv0{n}">{e(value)}</p>'
    if kind == "h2":
        return f'<h2 class="css-7yu{i} ehz1y3">{e(value)}</h2>'
    if kind == "ul":
        return '<ul class="css-q8wg e1lo">' + "".join(f'<li class="css-1pw">{e(v)}</li>' for v in value) + "</ul>"
    if kind == "table":
        head, *rows = value
        return (
            '<div class="Table_scroll__Zk2"><table class="Table_root__9pL"><thead><tr>'
            + "".join(f"<th>{e(c)}</th>" for c in head)
            + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
            + "</tbody></table></div>"
        )
    raise ValueError(kind)


def render_mag(art: Article, pool: list[Article], n: int) -> str:
    blocks = [mag_block(k, v, i, n) for i, (k, v) in enumerate(art.blocks)]
    ad = '<div class="Ad_root__m2 css-12p"><div class="Ad_label__x">Advertisement - Continue Reading Below</div><div class="Ad_slot__q" id="ad-mid"></div></div>'
    newsletter = ('<div class="NewsletterInline_root__Y7"><div class="NewsletterInline_title__p">Get the Wayfarer Weekly</div>'
                  '<div class="NewsletterInline_copy__t">Our best stories, every Sunday morning, straight to your inbox. No spam, unsubscribe any time.</div>'
                  '<form><input type="email" placeholder="Email address"><button type="submit">Sign up</button></form></div>')
    blocks.insert(min(3, len(blocks)), ad)
    blocks.insert(min(7, len(blocks)), newsletter)
    comments = "".join(
        f'<div class="Comment_root__a1"><div class="Comment_head__b"><div class="Comment_avatar__c">{e(who[:1])}</div><div class="Comment_author__d">{e(who)}</div><div class="Comment_time__e">{j + 2} days ago</div></div>'
        f'<div class="Comment_body__f"><p>{e(text)}</p></div><div class="Comment_actions__g"><button>Like ({(j + 1) * 3})</button><button>Reply</button><button>Report</button></div></div>'
        for j, (who, text) in enumerate(art.comments)
    )
    cards = "".join(
        f'<a class="Card_root__k" href="/{slug(o.title)}"><div class="Card_image__l"><img src="/img/{o.name}.webp" alt=""></div><div class="Card_kicker__m">Wayfarer</div><div class="Card_title__n">{e(o.title)}</div><div class="Card_dek__o">{e(o.dek)}</div></a>'
        for o in others(art, pool, 4)
    )
    url = f"https://www.wayfarer-mag.example/{slug(art.title)}"
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
        "description": art.dek, "datePublished": f"{art.date}T08:00:00Z",
        "author": {"@type": "Person", "name": art.author},
        "publisher": {"@type": "Organization", "name": "Wayfarer Magazine"}, "mainEntityOfPage": url,
    }, ensure_ascii=False)
    next_data = json.dumps({"props": {"pageProps": {"article": {"id": 9000 + n, "slug": slug(art.title), "title": art.title, "commentsCount": len(art.comments)}}}, "page": "/[slug]", "buildId": "k3J9xQ"})
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>{e(art.title)} – Wayfarer Magazine</title><meta name="description" content="{e(art.dek)}"/><meta property="og:title" content="{e(art.title)}"/><meta property="og:url" content="{url}"/><meta property="og:type" content="article"/><meta name="author" content="{e(art.author)}"/><meta property="article:published_time" content="{art.date}T08:00:00Z"/><link rel="canonical" href="{url}"/><script type="application/ld+json">{ld}</script><link rel="preload" href="/_next/static/css/4e1b.css" as="style"/><link rel="stylesheet" href="/_next/static/css/4e1b.css"/><script src="/_next/static/chunks/webpack-2c1e.js" defer=""></script></head><body><div id="__next"><div class="App_root__Q1">
<div class="CookieBanner_root__W3" role="dialog" aria-label="Cookie consent"><div class="CookieBanner_inner__p"><div class="CookieBanner_title__t">We value your privacy</div><div class="CookieBanner_text__x"><p>We and our partners use cookies and similar technologies to store and access information on your device, to measure audiences, improve our services and show you personalised advertising and content. You can accept all cookies, reject those that are not essential, or choose your preferences at any time. See our cookie policy for more details.</p></div><div class="CookieBanner_buttons__b"><button class="btn-primary">Accept all</button><button class="btn-secondary">Reject all</button><button class="btn-link">Manage preferences</button></div></div></div>
<div class="Header_root__h8"><div class="Header_bar__a"><a class="Header_logo__l" href="/">Wayfarer</a><div class="Header_nav__n"><a href="/travel">Travel</a><a href="/design">Design</a><a href="/wellbeing">Wellbeing</a><a href="/culture">Culture</a><a href="/climate">Climate</a><a href="/food">Food</a></div><div class="Header_actions__x"><a href="/subscribe" class="Header_subscribe__s">Subscribe</a><button aria-label="Search">Search</button><a href="/login">Log in</a></div></div></div>
<div class="Layout_main__m"><div class="Article_root__r"><div class="Article_header__h"><div class="Article_kicker__k"><a href="/travel">Features</a></div><h1 class="Article_headline__hd css-1wq">{e(art.title)}</h1><div class="Article_dek__d">{e(art.dek)}</div>
<div class="Byline_root__b"><div class="Byline_avatar__a"><img src="/authors/{slug(art.author)}.jpg" alt=""/></div><div><span class="Byline_by__y">By </span><a class="Byline_name__n" href="/authors/{slug(art.author)}">{e(art.author)}</a><div class="Byline_meta__m"><time dateTime="{art.date}T08:00:00Z">{art.date}</time><span> · 6 min read</span></div></div></div>
<div class="ShareBar_root__s"><button>Share</button><button>Save</button><button>Copy link</button></div></div>
<div class="Article_body__b css-0">{"".join(blocks)}</div>
<div class="Article_tags__t"><a href="/tag/features">Features</a><a href="/tag/long-read">Long read</a></div>
<div class="AuthorCard_root__c"><div class="AuthorCard_name__n">{e(art.author)}</div><div class="AuthorCard_bio__b">{e(art.author)} is a contributing editor at Wayfarer, writing about places, objects and the people who make them. Previously at a national newspaper's weekend magazine.</div></div>
<div class="Comments_root__cr" id="comments"><div class="Comments_header__h">{len(art.comments)} Comments</div><div class="Comments_sort__s">Sort by <button>Newest</button><button>Oldest</button><button>Top</button></div><div class="Comments_compose__c"><textarea placeholder="Join the conversation..."></textarea><button>Post</button></div>{comments}<button class="Comments_more__m">Load more comments</button></div>
</div>
<div class="MoreStories_root__ms"><div class="MoreStories_title__t">You might also like</div><div class="MoreStories_grid__g">{cards}</div></div></div>
<div class="Footer_root__f"><div class="Footer_about__a">Wayfarer is an independent magazine about travel, design, culture and how to live well on a changing planet. Published by Wayfarer Media Ltd, 12 Harbour Street, Eastwick.</div><div class="Footer_links__l"><a href="/about">About us</a><a href="/contact">Contact</a><a href="/privacy">Privacy policy</a><a href="/cookies">Cookie settings</a><a href="/terms">Terms of use</a><a href="/careers">Careers</a></div><div class="Footer_copy__c">© 2024 Wayfarer Media Ltd. All rights reserved.</div></div>
</div></div><script id="__NEXT_DATA__" type="application/json">{next_data}</script></body></html>
"""


RENDERERS = {
    "ledger": render_ledger,
    "blog": render_blog,
    "forum": render_forum,
    "ru": render_ru,
    "docs": render_docs,
    "mag": render_mag,
}
ENCODINGS = {"ru": "windows-1251", "forum": "iso-8859-1"}


def main() -> None:
    articles = parse(HERE / "articles.txt")
    for n, art in enumerate(articles):
        page = RENDERERS[art.site](art, articles, n)
        encoding = ENCODINGS.get(art.site, "utf-8")
        (HERE / f"{art.name}.html").write_bytes(page.encode(encoding, "xmlcharrefreplace"))
        (HERE / f"{art.name}.txt").write_text(gold_text(art), encoding="utf-8")
    print(f"{len(articles)} pages from {len({a.site for a in articles})} sites")


if __name__ == "__main__":
    main()
