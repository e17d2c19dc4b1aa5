"""The name of the site a page belongs to, in the forms a page writes it.

Titles carry the site's name ("Headline | Site"), and an ``h1`` is sometimes the
site's logo rather than the headline; both are recognised by comparing with the
names the page declares for its site (``og:site_name``, the JSON-LD website or
publisher) and with its host name, all folded to letters and digits so that
"The Motley Fool", "fool.com" and "Motley Fool®" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.articles import domain_of
from cleaner.fields.structured import PageMetadata
from cleaner.resources import load_yaml

_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_MIN_HOST_LABEL = 3


def name_key(text: str) -> str:
    """Letters and digits only, case folded: the form in which names are compared."""
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


@dataclass(frozen=True, slots=True)
class SiteNames:
    """The site's declared names and the distinctive labels of its host, as name keys."""

    declared: frozenset[str]
    host_labels: frozenset[str]

    def names(self, text: str) -> bool:
        """Whether ``text`` is the site's name: a declared name, or built on a host label.

        "Amazon.com: Books" is not the site's name, "Amazon.com" is: a text
        that holds a host label counts only when it is not much longer.
        """
        key = name_key(text)
        if not key:
            return False
        if key in self.declared:
            return True
        return any(label in key and len(key) <= 2 * len(label) + 4 for label in self.host_labels)


def _host_labels(url: str | None) -> set[str]:
    host = domain_of(url) or ""
    labels = host.split(".")[:-1]  # the last label is the top-level domain
    generic = load_yaml("fields.yaml")["generic_host_labels"]
    return {
        name_key(label)
        for label in labels
        if len(label) >= _MIN_HOST_LABEL and label not in generic
    }


def site_names(metadata: PageMetadata, url: str | None) -> SiteNames:
    """The names the page gives its site, and the labels of its host."""
    rules = load_yaml("fields.yaml")
    declared = {name_key(value) for value in metadata.meta_values(rules["title"]["site_name_meta"])}
    for node in metadata.nodes_of_kind("site_types"):
        name = node.properties.get("name")
        if isinstance(name, str):
            declared.add(name_key(name))
    declared.discard("")
    page_url = url or next(metadata.meta_values(["og:url"]), None)
    return SiteNames(frozenset(declared), frozenset(_host_labels(page_url)))
