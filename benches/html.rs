//! HTML to article on one core: generated news pages (navigation, share bars, scripts,
//! styles, an article of paragraphs, headings, a list, a quote and a table, related links,
//! comments and a footer), each different, read one after another. Reported in bytes of HTML
//! per second; the aim is at least 20 MB/s, so that a folder of 200 saved pages opens in well
//! under a second. `dense` pages are all elements (14 KB each, the worst case: the article
//! algorithm's work grows with elements, not bytes); `saved` pages carry what a saved news
//! page also carries, an inline state script and a style sheet (about 75 KB each).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::html;

const PAGES: usize = 40;

/// A page with the inline data and styles of a saved news page.
fn saved(n: usize) -> String {
    let state: String = (0..400)
        .map(|i| format!("{{\"id\":{i},\"slug\":\"story-{n}-{i}\",\"tags\":[\"city\",\"budget\"],\"w\":{}}},", i * n))
        .collect();
    let css: String = (0..200)
        .map(|i| {
            format!(
                ".c{i}{{margin:{i}px;padding:0 {i}px;color:#{:06x}}}\n",
                i * 997
            )
        })
        .collect();
    page(n).replacen(
        "</head>",
        &format!("<style>{css}</style><script>window.__STATE__=[{state}];</script></head>"),
        1,
    )
}

fn page(n: usize) -> String {
    let mut s = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story {n} | The Daily</title>\
         <meta property=\"og:title\" content=\"Story {n}\"><meta property=\"og:site_name\" content=\"The Daily\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Story {n}\",\"author\":{{\"name\":\"Reporter {n}\"}}}}</script>\
         <style>body{{font:16px serif}} .nav a{{margin:0 4px}}</style></head><body>\
         <header><nav class=\"nav\">"
    );
    for i in 0..40 {
        s.push_str(&format!("<a href=\"/section/{i}\">Section {i}</a>"));
    }
    s.push_str(
        "</nav></header><div class=\"share\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>",
    );
    s.push_str("<script>var tracking = {page: 1, items: [1,2,3,4,5,6,7,8,9]}; function go(){return tracking;}</script>");
    s.push_str(&format!(
        "<main><article><h1>Story {n}</h1><p class=\"byline\">By Reporter {n}</p>"
    ));
    for p in 0..30 {
        if p % 8 == 4 {
            s.push_str(&format!("<h2>Part {p} of story {n}</h2>"));
        }
        s.push_str(&format!(
            "<p>Paragraph {p} of story {n}: the council said on <b>Tuesday</b> that {} new homes would be built \
             by 2027, at a cost of <a href=\"/money\">$1.{p} billion</a>, up from the 3,400 announced last year, \
             and that the plan would be put to a vote in the spring after a consultation of residents.</p>",
            100 + p * n
        ));
        if p == 12 {
            s.push_str(
                "<ul><li>Homes: 4,000</li><li>Cost: $1.2 billion</li><li>Vote: spring</li></ul>",
            );
            s.push_str("<blockquote><p>\u{201c}We have never built this much,\u{201d} the mayor said.</p></blockquote>");
            s.push_str("<table><tr><th>Year</th><th>Homes</th></tr><tr><td>2025</td><td>1,200</td></tr><tr><td>2026</td><td>1,400</td></tr></table>");
        }
    }
    s.push_str("</article></main><aside class=\"related\"><h3>Related</h3><ul>");
    for i in 0..30 {
        s.push_str(&format!(
            "<li><a href=\"/story/{i}\">Another story number {i} you may like</a></li>"
        ));
    }
    s.push_str("</ul></aside><section class=\"comments\">");
    for i in 0..20 {
        s.push_str(&format!(
            "<div class=\"comment\"><p>Comment {i}: I agree with this.</p></div>"
        ));
    }
    s.push_str(
        "</section><footer><p>&copy; 2025 The Daily</p><a href=\"/terms\">Terms</a></footer>",
    );
    s.push_str("<script>(function(){var a=[];for(var i=0;i<100;i++){a.push(i*2)}})();</script></body></html>");
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    for (name, make) in [("dense", page as fn(usize) -> String), ("saved", saved)] {
        let pages: Vec<String> = (0..PAGES).map(make).collect();
        let bytes: usize = pages.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("{name}_{PAGES}_pages_{}KB", bytes >> 10), |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|p| {
                        html::read(std::hint::black_box(p.as_bytes()), None, None)
                            .text
                            .len()
                    })
                    .sum::<usize>()
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
