"""A notebook's chart draws in the Chinese edition as in the English one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "notebooks/04-resnet50-in-28-seconds/"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_a_notebook_chart_draws_in_each_edition(page, site_url, prefix):
    page.goto(f"{site_url}/{prefix}{PAGE}")
    page.wait_for_selector("figure.tf-chart[data-rendered] svg, figure.tf-chart[data-rendered] canvas",
                           timeout=30_000)
    assert page.locator("figure.tf-chart:not([data-rendered])").count() == 0
