# bigfield.py DIR: DIR/bigtitle.rss and DIR/bigdesc.rss, one item each
# with one field near the 16 MiB cap (a 15 MiB title, a 15 MiB unbroken
# description), for the memory bounds of issue 17.
import sys

big = "x" * (15 * 1024 * 1024)
head = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
        '<channel><title>t</title><link>http://example.org/</link>\n')
for name, title, desc in (("bigtitle", big, "short"), ("bigdesc", "t", big)):
    with open(f"{sys.argv[1]}/{name}.rss", "w") as f:
        f.write(f"{head}<item><title>{title}</title><link>http://example.org/1"
                f"</link><description>{desc}</description></item>"
                "</channel></rss>\n")
