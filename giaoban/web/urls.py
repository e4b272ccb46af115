from django.contrib.auth import views as auth_views
from django.urls import include, path

from giaoban.security import oidc
from giaoban.security.forms import ThrottledAuthenticationForm
from giaoban.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", oidc.LoginPage.as_view(template_name="web/login.html",
                                                     authentication_form=ThrottledAuthenticationForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # single sign-on (OpenID Connect); 404 unless configured
    path("dang-nhap/mot-lan/", oidc.SignOnView.as_view(), name="oidc_login"),
    path("dang-nhap/mot-lan/ve/", oidc.CallbackView.as_view(), name="oidc_callback"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("viec/<uuid:job_id>/", views.job_page, name="job"),
    path("viec/<uuid:job_id>/trang-thai/", views.job_status, name="job_status"),
    path("viec/<uuid:job_id>/tep/", views.job_file, name="job_file"),
]
