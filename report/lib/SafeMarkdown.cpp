#include "tourguide/report/SafeMarkdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace tourguide::report {
namespace {

struct NodeDeleter {
  void operator()(cmark_node *node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};

/// An image would be fetched when the page opens: turn it into a link to the same URL,
/// whose text is the image's alt text.
void imagesToLinks(cmark_node *document) {
  std::vector<cmark_node *> images;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node *node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE)
      images.push_back(node);
  }
  iter.reset();
  for (cmark_node *image : images) {
    cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
    const char *url = cmark_node_get_url(image);
    const char *title = cmark_node_get_title(image);
    cmark_node_set_url(link, url ? url : "");
    cmark_node_set_title(link, title ? title : "");
    while (cmark_node *child = cmark_node_first_child(image))
      cmark_node_append_child(link, child); // moves the child
    if (!cmark_node_first_child(link)) {
      cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(text, "image");
      cmark_node_append_child(link, text);
    }
    cmark_node_replace(image, link);
    cmark_node_free(image);
  }
}

} // namespace

std::string markdownToSafeHtml(const std::string &markdown) {
  // cmark 0.30 is safe unless CMARK_OPT_UNSAFE is given: raw HTML becomes a comment and
  // javascript:, vbscript:, file: and most data: URLs become empty.
  std::unique_ptr<cmark_node, NodeDeleter> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!document)
    return {};
  imagesToLinks(document.get());
  char *html = cmark_render_html(document.get(), CMARK_OPT_DEFAULT);
  if (!html)
    return {};
  std::string result(html);
  std::free(html);
  return result;
}

} // namespace tourguide::report
