# The web image: pinned dependencies, collected static files, gunicorn (docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN SECRET_KEY=build-only DATABASE_URL=postgresql://build@localhost/build python manage.py collectstatic --noinput -v 0
EXPOSE 8000
# Migrations on start; without SECRET_KEY a random one is made per start (fine for a local trial).
CMD ["sh", "-c", "export SECRET_KEY=\"${SECRET_KEY:-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')}\"; python manage.py migrate --noinput && exec gunicorn archive.wsgi --preload --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
