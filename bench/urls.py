from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_patterns


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("hello", hello), *site_patterns]
